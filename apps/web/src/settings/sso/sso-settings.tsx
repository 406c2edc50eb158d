import type { SingleSignOnView, StaffRoleName } from '@chorus/domain/client';
import { Badge, Button, Card, Checkbox, ErrorState, Select, Skeleton, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problem-error';
import { SecretField } from '../../components/secret-field';
import { FormError } from '../../lib/form-error';
import { useSaveSso, useSso } from '../../queries/sso';
import { roleOptions } from '../people/people-ui';
import { fieldError } from '../settings-kit';
import { RoleMapEditor } from './role-map-editor';
import {
  draftOf,
  hasProblems,
  inputOf,
  problemsOf,
  roleMapProblem,
  type DraftProblems,
  type SsoDraft,
} from './sso-draft';

const defaultRoleOptions = [{ value: '', label: 'Nobody else' }, ...roleOptions];

/** The fields whose problems show beside them; any other shows under the form. */
const shownBy = ['enabled', 'issuer', 'clientId', 'clientSecret', 'roleClaim', 'defaultRole'];

const StatusBadge = ({ view }: { view: SingleSignOnView }) =>
  !view.configured ? (
    <Badge tone="neutral">Not set up</Badge>
  ) : view.enabled ? (
    <Badge tone="green" dot>
      On
    </Badge>
  ) : (
    <Badge tone="amber" dot>
      Off
    </Badge>
  );

const SsoForm = ({ view }: { view: SingleSignOnView }) => {
  const save = useSaveSso();
  const [draft, setDraft] = useState<SsoDraft>(() => draftOf(view));
  const [submitted, setSubmitted] = useState(false);
  const problems = problemsOf(draft, view.hasSecret);
  const shown: DraftProblems = submitted ? problems : { mappings: new Map() };

  const change = (patch: Partial<SsoDraft>) => {
    if (save.isError || save.isSuccess) save.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };

  const errorOf = (field: keyof Omit<DraftProblems, 'mappings'>) =>
    shown[field] ?? fieldError(save.error, field);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems(problems)) return;
    save.mutate(inputOf(draft), {
      onSuccess: (saved) => {
        // As saved (the issuer without a trailing slash); the secret field goes back to "leave
        // empty to keep".
        setDraft(draftOf(saved));
        setSubmitted(false);
      },
    });
  };

  return (
    <form className="sso-form" aria-label="Single sign-on" onSubmit={onSubmit} noValidate>
      <Checkbox
        label="Let people sign in with single sign-on"
        hint="The sign-in screen offers it; people keep their passwords too."
        checked={draft.enabled}
        onChange={(event) => change({ enabled: event.target.checked })}
      />
      <SecretField label="Redirect URI" value={view.redirectUri} what="the address" />
      <p className="sso-form__note">
        Register this address at the identity provider as the redirect (callback) URI of the Chorus
        application, then copy its issuer, client id and client secret here.
      </p>
      <div className="sso-form__grid">
        <TextField
          label="Issuer URL"
          type="url"
          required
          placeholder="https://login.example.com"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          hint="Chorus reads the provider's configuration from it when you save."
          value={draft.issuer}
          error={errorOf('issuer')}
          onChange={(event) => change({ issuer: event.target.value })}
        />
        <TextField
          label="Client id"
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={draft.clientId}
          error={errorOf('clientId')}
          onChange={(event) => change({ clientId: event.target.value })}
        />
        <TextField
          label="Client secret"
          type="password"
          required={!view.hasSecret}
          autoComplete="new-password"
          spellCheck={false}
          maxLength={500}
          placeholder={view.hasSecret ? 'saved — leave empty to keep' : undefined}
          hint="Kept on the server, never shown again."
          value={draft.clientSecret}
          error={errorOf('clientSecret')}
          onChange={(event) => change({ clientSecret: event.target.value })}
        />
        <TextField
          label="Role claim"
          placeholder="e.g. groups"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          hint="The ID token claim whose values the role map reads. Roles follow it at each sign-in."
          value={draft.roleClaim}
          error={errorOf('roleClaim')}
          onChange={(event) => change({ roleClaim: event.target.value })}
        />
      </div>
      <RoleMapEditor
        rows={draft.roleMap}
        rowErrors={shown.mappings}
        error={roleMapProblem(save.error)}
        onChange={(roleMap) => change({ roleMap })}
      />
      <Select
        className="sso-form__default-role"
        label="Default role"
        options={defaultRoleOptions}
        value={draft.defaultRole}
        hint={
          draft.defaultRole === ''
            ? 'Only people whose claim maps to a role can sign in.'
            : 'Anyone the provider signs in whose claim maps to no role.'
        }
        error={fieldError(save.error, 'defaultRole')}
        onChange={(event) => change({ defaultRole: event.target.value as StaffRoleName | '' })}
      />
      <FormError error={roleMapProblem(save.error) ? null : save.error} shownBy={shownBy} />
      <div className="sso-form__actions">
        <p className="sso-form__saved" role="status">
          {save.isSuccess ? 'Saved.' : ''}
        </p>
        <Button type="submit" variant="primary" loading={save.isPending}>
          Save single sign-on
        </Button>
      </div>
    </form>
  );
};

/** The organisation's OIDC provider (admins): who may sign in through it, with which role. */
export const SsoSettings = () => {
  const sso = useSso();
  return (
    <div className="settings">
      <div className="sso-settings__intro">
        <p className="detail__muted">
          Let the people of your organisation sign in with its identity provider (OpenID Connect),
          such as Okta, Entra ID, Google Workspace or Keycloak. Whoever it signs in is given an
          account at once, with the role their claim maps to.
        </p>
        {sso.data && <StatusBadge view={sso.data} />}
      </div>
      <Card>
        {sso.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 4 }, (_, index) => (
              <Skeleton key={index} height="2.25rem" />
            ))}
          </div>
        ) : sso.isLoadingError ? (
          <ErrorState
            title="Couldn't load the single sign-on settings"
            detail={describeError(sso.error)}
            onRetry={() => void sso.refetch()}
            retrying={sso.isFetching}
          />
        ) : (
          <SsoForm view={sso.data} />
        )}
      </Card>
    </div>
  );
};
