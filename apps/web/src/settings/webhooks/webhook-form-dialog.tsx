import {
  ALL_WEBHOOK_EVENT_TYPES,
  webhookKinds,
  type CreatedWebhook,
  type UpdateWebhookInput,
  type WebhookKind,
  type WebhookView,
} from '@chorus/domain/client';
import { Badge, Button, Dialog, SegmentedControl, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../lib/form-error';
import { useCreateWebhook, useUpdateWebhook } from '../../queries/webhooks';
import { problemAt } from '../api-keys/api-key-ui';
import { EventTypeChecklist } from './event-type-checklist';
import { kindLabels, kindTones, subscribesToAll } from './webhook-ui';

/** As long as the API takes (`WEBHOOK_DESCRIPTION_MAX` in the domain's webhook events). */
const DESCRIPTION_MAX = 200;

const kindOptions = webhookKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }));

const kindHints: Record<WebhookKind, { sends: string; url: string; placeholder: string }> = {
  webhook: {
    sends:
      'Chorus POSTs each event to your endpoint as a CloudEvent in JSON, signed with a secret you see once, after saving.',
    url: 'Your endpoint, starting with https://. It should answer 2xx within 10 seconds; Chorus retries for a day otherwise.',
    placeholder: 'https://example.com/hooks/chorus',
  },
  slack: {
    sends: 'Chorus posts a short message about each event to a Slack channel.',
    url: 'In Slack, add an incoming webhook to the channel and paste its URL here.',
    placeholder: 'https://hooks.slack.com/services/…',
  },
};

/** The fields whose problems show beside them; any other shows under the form. */
const shownBy = ['kind', 'url', 'description', 'eventTypes'];

/** Shown URLs hide credentials (a Slack URL's last segment, a query string) behind "…". */
const isMasked = (url: string) => url.includes('…');

type Draft = {
  kind: WebhookKind;
  url: string;
  description: string;
  all: boolean;
  chosen: ReadonlySet<string>;
};

const draftOf = (webhook: WebhookView | null): Draft =>
  webhook
    ? {
        kind: webhook.kind,
        url: isMasked(webhook.url) ? '' : webhook.url,
        description: webhook.description,
        all: subscribesToAll(webhook.eventTypes),
        chosen: new Set(webhook.eventTypes.filter((type) => type !== ALL_WEBHOOK_EVENT_TYPES)),
      }
    : { kind: 'webhook', url: '', description: '', all: false, chosen: new Set() };

const eventTypesOf = (draft: Draft): string[] =>
  draft.all ? [ALL_WEBHOOK_EVENT_TYPES] : [...draft.chosen].sort();

const sameTypes = (a: readonly string[], b: readonly string[]) => {
  const [left, right] = [[...a].sort(), [...b].sort()];
  return left.length === right.length && left.every((type, index) => type === right[index]);
};

/** What an edit changes: only the fields that differ from the subscription are sent. */
const changesOf = (webhook: WebhookView, draft: Draft): UpdateWebhookInput => {
  const url = draft.url.trim();
  const description = draft.description.trim();
  const eventTypes = eventTypesOf(draft);
  return {
    ...(url !== '' && url !== webhook.url ? { url } : {}),
    ...(description !== webhook.description ? { description } : {}),
    ...(sameTypes(eventTypes, webhook.eventTypes) ? {} : { eventTypes }),
  };
};

const WebhookForm = ({
  webhook,
  onCancel,
  onCreated,
  onSaved,
}: {
  webhook: WebhookView | null;
  onCancel: () => void;
  onCreated: (created: CreatedWebhook) => void;
  onSaved: (saved: WebhookView | null) => void;
}) => {
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const mutation = webhook ? update : create;
  const [draft, setDraft] = useState<Draft>(() => draftOf(webhook));
  const [submitted, setSubmitted] = useState(false);
  const hints = kindHints[draft.kind];
  const eventTypes = eventTypesOf(draft);
  // Editing a masked URL: leaving it empty keeps it.
  const keepsUrl = webhook !== null && isMasked(webhook.url);

  const errors = {
    url:
      (submitted && !keepsUrl && !draft.url.trim()
        ? 'Give the URL Chorus sends the events to.'
        : undefined) ?? problemAt(mutation.error, 'url'),
    description: problemAt(mutation.error, 'description'),
    eventTypes:
      (submitted && eventTypes.length === 0
        ? 'Choose at least one event type, or all events.'
        : undefined) ?? problemAt(mutation.error, 'eventTypes'),
    kind: problemAt(mutation.error, 'kind'),
  };

  const change = (patch: Partial<Draft>) => {
    if (mutation.isError) mutation.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if ((!keepsUrl && !draft.url.trim()) || eventTypes.length === 0) return;
    if (webhook === null) {
      const description = draft.description.trim();
      create.mutate(
        {
          kind: draft.kind,
          url: draft.url.trim(),
          eventTypes,
          ...(description ? { description } : {}),
        },
        { onSuccess: onCreated },
      );
      return;
    }
    const changes = changesOf(webhook, draft);
    if (Object.keys(changes).length === 0) {
      onSaved(null);
      return;
    }
    update.mutate({ id: webhook.id, version: webhook.version, changes }, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="composer__fields">
        {webhook === null ? (
          <div className="webhook-form__kind">
            <span className="ui-field__label" aria-hidden="true">
              Kind
            </span>
            <SegmentedControl
              label="Kind"
              value={draft.kind}
              options={kindOptions}
              onChange={(kind) => change({ kind })}
            />
            <p className="ui-field__hint">{hints.sends}</p>
            {errors.kind && <p className="ui-field__error">{errors.kind}</p>}
          </div>
        ) : (
          <p className="webhook-form__kind-fixed">
            <Badge tone={kindTones[webhook.kind]}>{kindLabels[webhook.kind]}</Badge>{' '}
            <span className="detail__muted">{hints.sends}</span>
          </p>
        )}
        <TextField
          label="URL"
          type="url"
          required={!keepsUrl}
          autoComplete="off"
          spellCheck={false}
          placeholder={keepsUrl ? 'Leave empty to keep the current URL' : hints.placeholder}
          hint={
            keepsUrl ? (
              <>
                Now <code>{webhook.url}</code>: the part hidden behind “…” is kept secret. Give a
                new URL only to change it.
              </>
            ) : (
              hints.url
            )
          }
          value={draft.url}
          error={errors.url}
          onChange={(event) => change({ url: event.target.value })}
        />
        <TextField
          label="Description"
          maxLength={DESCRIPTION_MAX}
          placeholder={draft.kind === 'slack' ? 'e.g. #product-feedback' : 'e.g. CRM sync'}
          hint="What receives the events, so the team knows what stops if it is deleted."
          value={draft.description}
          error={errors.description}
          onChange={(event) => change({ description: event.target.value })}
        />
        <EventTypeChecklist
          all={draft.all}
          chosen={draft.chosen}
          error={errors.eventTypes}
          onAllChange={(all) => change({ all })}
          onChosenChange={(chosen) => change({ chosen })}
        />
        <FormError error={mutation.error} shownBy={shownBy} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={mutation.isPending}>
          {webhook ? 'Save changes' : draft.kind === 'slack' ? 'Connect Slack' : 'Create webhook'}
        </Button>
      </footer>
    </form>
  );
};

/** Creates a subscription (`webhook` null) or edits one; its kind is chosen once, at creation. */
export const WebhookFormDialog = ({
  open,
  webhook,
  onClose,
  onCreated,
  onSaved,
}: {
  open: boolean;
  webhook: WebhookView | null;
  onClose: () => void;
  onCreated: (created: CreatedWebhook) => void;
  /** The subscription as saved, or null when nothing had changed. */
  onSaved: (saved: WebhookView | null) => void;
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    className="webhook-dialog"
    title={webhook ? 'Edit webhook' : 'New webhook'}
    description={
      webhook
        ? 'Changes apply to the events that happen from now on.'
        : 'Send the events of this workspace to another system or a Slack channel as they happen.'
    }
  >
    <WebhookForm webhook={webhook} onCancel={onClose} onCreated={onCreated} onSaved={onSaved} />
  </Dialog>
);
