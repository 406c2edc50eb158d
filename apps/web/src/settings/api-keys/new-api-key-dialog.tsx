import { apiKeyScopes, type ApiKeyScope, type CreatedApiKey } from '@chorus/domain/client';
import { Button, Checkbox, Dialog, Select, TextField } from '@chorus/ui';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../lib/form-error';
import { useNow } from '../../lib/use-now';
import { useCreateApiKey } from '../../queries/api-keys';
import { isoDay } from '../../sprints/sprint-ui';
import {
  expiryOf,
  expiryOptions,
  formatDay,
  MAX_EXPIRY_DAYS,
  problemAt,
  scopeDetails,
  type ExpiryChoice,
} from './api-key-ui';

const NewApiKeyForm = ({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (created: CreatedApiKey) => void;
}) => {
  const create = useCreateApiKey();
  const scopesErrorId = useId();
  const now = useNow();
  const [name, setName] = useState('');
  // Least privilege first: a key reads until it is given more.
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['read']);
  const [expiry, setExpiry] = useState<ExpiryChoice>('90');
  const [customDay, setCustomDay] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const firstDay = isoDay(1);
  // A key stops at the end of its day: the last day allowed ends within the API's limit.
  const lastDay = isoDay(MAX_EXPIRY_DAYS - 1);
  const customDayProblem =
    expiry !== 'custom'
      ? undefined
      : !customDay
        ? 'Choose the day the key stops working.'
        : customDay < firstDay || customDay > lastDay
          ? 'Choose a day after today and at most two years ahead.'
          : undefined;

  const errors = {
    name:
      (submitted && !name.trim() ? 'Name the key after the service that uses it.' : undefined) ??
      problemAt(create.error, 'name'),
    scopes:
      (submitted && scopes.length === 0 ? 'Give the key at least one scope.' : undefined) ??
      problemAt(create.error, 'scopes'),
    expiresAt: (submitted ? customDayProblem : undefined) ?? problemAt(create.error, 'expiresAt'),
  };
  const expiresOn = expiryOf(expiry, customDay, now);

  const edited = () => {
    if (create.isError) create.reset();
  };

  const toggleScope = (scope: ApiKeyScope, on: boolean) => {
    setScopes((current) =>
      apiKeyScopes.filter((each) => (each === scope ? on : current.includes(each))),
    );
    edited();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || scopes.length === 0 || customDayProblem) return;
    // Taken at the moment of sending, so "in 30 days" means 30 days from the key's creation.
    const expiresAt = expiryOf(expiry, customDay, Date.now());
    create.mutate(
      { name: name.trim(), scopes, expiresAt: expiresAt?.toISOString() ?? null },
      { onSuccess: onCreated },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="composer__fields">
        <TextField
          label="Name"
          required
          placeholder="e.g. CRM sync"
          maxLength={80}
          hint="Name the service that will use it, so you know what stops if it is revoked."
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.target.value);
            edited();
          }}
        />
        <fieldset
          className="api-key-scopes"
          aria-describedby={errors.scopes ? scopesErrorId : undefined}
        >
          <legend className="ui-field__label">
            Scopes
            <span className="ui-field__required" aria-hidden="true">
              *
            </span>
          </legend>
          {apiKeyScopes.map((scope) => (
            <Checkbox
              key={scope}
              label={scopeDetails[scope].label}
              hint={scopeDetails[scope].allows}
              checked={scopes.includes(scope)}
              aria-invalid={errors.scopes ? true : undefined}
              onChange={(event) => toggleScope(scope, event.target.checked)}
            />
          ))}
          {errors.scopes && (
            <p id={scopesErrorId} className="ui-field__error">
              {errors.scopes}
            </p>
          )}
        </fieldset>
        <div className="api-key-expiry">
          <Select
            label="Expires"
            value={expiry}
            options={expiryOptions}
            hint={
              expiry === 'custom'
                ? undefined
                : expiresOn
                  ? `On ${formatDay(expiresOn)}.`
                  : 'It works until it is revoked.'
            }
            error={expiry === 'custom' ? undefined : errors.expiresAt}
            onChange={(event) => {
              setExpiry(event.target.value as ExpiryChoice);
              edited();
            }}
          />
          {expiry === 'custom' && (
            <TextField
              label="Expiry date"
              type="date"
              required
              min={firstDay}
              max={lastDay}
              value={customDay}
              hint="It stops working at the end of that day."
              error={errors.expiresAt}
              onChange={(event) => {
                setCustomDay(event.target.value);
                edited();
              }}
            />
          )}
        </div>
        <FormError error={errors.name || errors.scopes || errors.expiresAt ? null : create.error} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create key
        </Button>
      </footer>
    </form>
  );
};

export const NewApiKeyDialog = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedApiKey) => void;
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    title="New API key"
    description="A service sends it with every call to the Chorus API. It is shown once, right after it is made."
  >
    <NewApiKeyForm onCancel={onClose} onCreated={onCreated} />
  </Dialog>
);
