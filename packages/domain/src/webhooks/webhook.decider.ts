import type { Actor } from '../shared/actor';
import { changedFields } from '../shared/changes';
import type { Decider } from '../shared/decider';
import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid } from '../shared/valid';
import { ALL_WEBHOOK_EVENT_TYPES, type WebhookKind } from '../contracts/webhooks-api';
import { evolveWebhook, initialWebhook, type ExistingWebhook, type Webhook } from './webhook';
import { shownWebhookUrl, validWebhookUrl, type WebhookUrlPolicy } from './webhook-url';
import { WebhookDescription, WebhookKindSchema, type WebhookEvent } from './webhook.events';

/** What the deployment allows and what Chorus publishes: the rules a URL and a choice of types follow. */
export type WebhookRules = {
  urlPolicy: WebhookUrlPolicy;
  /** The CloudEvent types a subscription may choose from (`publishedEventTypes()`). */
  knownEventTypes: readonly string[];
};

export type CreateWebhook = {
  type: 'CreateWebhook';
  webhookId: string;
  kind?: WebhookKind;
  url: string;
  eventTypes: readonly string[];
  description?: string;
  rules: WebhookRules;
  actor: Actor;
};
export type ChangeWebhook = {
  type: 'ChangeWebhook';
  webhookId: string;
  url?: string;
  /** The URL kept beside the log: a new one is a change even when it is shown alike. */
  currentUrl: string;
  eventTypes?: readonly string[];
  description?: string;
  rules: WebhookRules;
  actor: Actor;
};
/** An admin pauses a subscription; Chorus pauses one whose deliveries keep failing. */
export type PauseWebhook =
  | { type: 'PauseWebhook'; webhookId: string; reason: 'by_admin'; actor: Actor }
  | { type: 'PauseWebhook'; webhookId: string; reason: 'failing'; actor: null };
export type ResumeWebhook = { type: 'ResumeWebhook'; webhookId: string; actor: Actor };
export type RotateWebhookSecret = { type: 'RotateWebhookSecret'; webhookId: string; actor: Actor };
export type DeleteWebhook = { type: 'DeleteWebhook'; webhookId: string; actor: Actor };

export type WebhookCommand =
  | CreateWebhook
  | ChangeWebhook
  | PauseWebhook
  | ResumeWebhook
  | RotateWebhookSecret
  | DeleteWebhook;

/** A deleted subscription is gone: commands on it find nothing. */
const assertLive: (state: Webhook, webhookId: string) => asserts state is ExistingWebhook = (
  state,
  webhookId,
) => {
  if (!state.exists || state.deleted) throw new AggregateNotFound('Webhook', webhookId);
};

/** Each type once, in the order given; `*` stands for all of them and alone. */
const validEventTypes = (eventTypes: readonly string[], known: readonly string[]): string[] => {
  const chosen = [...new Set(eventTypes.map((type) => type.trim()))];
  if (chosen.length === 0) {
    throw new DomainRuleViolation('Choose at least one event type.', 'eventTypes');
  }
  if (chosen.includes(ALL_WEBHOOK_EVENT_TYPES)) return [ALL_WEBHOOK_EVENT_TYPES];
  const knownTypes = new Set(known);
  const unknown = chosen.find((type) => !knownTypes.has(type));
  if (unknown !== undefined) {
    throw new DomainRuleViolation(
      `"${unknown}" is not an event type Chorus publishes; choose from GET /api/v1/webhooks/event-types, or * for all.`,
      'eventTypes',
    );
  }
  return chosen;
};

const create = (command: CreateWebhook, state: Webhook): WebhookEvent[] => {
  if (state.exists) throw new DomainRuleViolation(`Webhook ${command.webhookId} already exists.`);
  const kind = valid(WebhookKindSchema, command.kind ?? 'webhook', 'kind');
  const url = validWebhookUrl(kind, command.url, command.rules.urlPolicy);
  return [
    {
      type: 'WebhookCreated',
      data: {
        webhookId: command.webhookId,
        kind,
        url: shownWebhookUrl(kind, url),
        eventTypes: validEventTypes(command.eventTypes, command.rules.knownEventTypes),
        description: valid(WebhookDescription, command.description ?? '', 'description'),
        by: command.actor.id,
      },
    },
  ];
};

const change = (command: ChangeWebhook, state: Webhook): WebhookEvent[] => {
  assertLive(state, command.webhookId);
  const url =
    command.url === undefined
      ? undefined
      : validWebhookUrl(state.kind, command.url, command.rules.urlPolicy);
  const changes = changedFields(
    { eventTypes: state.eventTypes, description: state.description },
    {
      eventTypes:
        command.eventTypes === undefined
          ? undefined
          : validEventTypes(command.eventTypes, command.rules.knownEventTypes),
      description:
        command.description === undefined
          ? undefined
          : valid(WebhookDescription, command.description, 'description'),
    },
  );
  const urlChanged = url !== undefined && url !== command.currentUrl;
  if (!urlChanged && Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'WebhookChanged',
      data: {
        webhookId: state.webhookId,
        ...(urlChanged ? { url: shownWebhookUrl(state.kind, url) } : {}),
        ...changes,
        by: command.actor.id,
      },
    },
  ];
};

const pause = (command: PauseWebhook, state: Webhook): WebhookEvent[] => {
  assertLive(state, command.webhookId);
  // Paused is paused: Chorus does not overwrite an admin's reason, nor an admin Chorus's.
  if (state.pausedReason !== null) return [];
  return [
    {
      type: 'WebhookPaused',
      data: {
        webhookId: state.webhookId,
        reason: command.reason,
        by: command.actor?.id ?? null,
      },
    },
  ];
};

const resume = (command: ResumeWebhook, state: Webhook): WebhookEvent[] => {
  assertLive(state, command.webhookId);
  if (state.pausedReason === null) return [];
  return [{ type: 'WebhookResumed', data: { webhookId: state.webhookId, by: command.actor.id } }];
};

const rotateSecret = (command: RotateWebhookSecret, state: Webhook): WebhookEvent[] => {
  assertLive(state, command.webhookId);
  if (state.kind === 'slack') {
    throw new DomainRuleViolation(
      'A Slack webhook has no signing secret: Slack trusts its URL. Give it a new URL instead.',
    );
  }
  return [
    { type: 'WebhookSecretRotated', data: { webhookId: state.webhookId, by: command.actor.id } },
  ];
};

const remove = (command: DeleteWebhook, state: Webhook): WebhookEvent[] => {
  assertLive(state, command.webhookId);
  return [{ type: 'WebhookDeleted', data: { webhookId: state.webhookId, by: command.actor.id } }];
};

/** Who may manage subscriptions is the permission matrix's to say (`integrations.manage`). */
export const webhookDecider: Decider<WebhookCommand, WebhookEvent, Webhook> = {
  initialState: initialWebhook,
  evolve: evolveWebhook,
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateWebhook':
        return create(command, state);
      case 'ChangeWebhook':
        return change(command, state);
      case 'PauseWebhook':
        return pause(command, state);
      case 'ResumeWebhook':
        return resume(command, state);
      case 'RotateWebhookSecret':
        return rotateSecret(command, state);
      case 'DeleteWebhook':
        return remove(command, state);
    }
  },
};
