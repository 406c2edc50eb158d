import { ALL_WEBHOOK_EVENT_TYPES, type WebhookPauseReason } from '../contracts/webhooks-api';
import type { WebhookEvent } from './webhook.events';

export type ExistingWebhook = {
  exists: true;
  webhookId: string;
  kind: 'webhook' | 'slack';
  /** As shown: see `shownWebhookUrl`. */
  url: string;
  eventTypes: string[];
  description: string;
  pausedReason: WebhookPauseReason | null;
  deleted: boolean;
};
export type Webhook = { exists: false } | ExistingWebhook;

export const initialWebhook = (): Webhook => ({ exists: false });

export const evolveWebhook = (state: Webhook, event: WebhookEvent): Webhook => {
  if (event.type === 'WebhookCreated') {
    const { webhookId, kind, url, eventTypes, description } = event.data;
    return {
      exists: true,
      webhookId,
      kind,
      url,
      eventTypes,
      description,
      pausedReason: null,
      deleted: false,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'WebhookChanged': {
      const { url, eventTypes, description } = event.data;
      return {
        ...state,
        url: url ?? state.url,
        eventTypes: eventTypes ?? state.eventTypes,
        description: description ?? state.description,
      };
    }
    case 'WebhookPaused':
      return { ...state, pausedReason: event.data.reason };
    case 'WebhookResumed':
      return { ...state, pausedReason: null };
    case 'WebhookSecretRotated':
      return state;
    case 'WebhookDeleted':
      return { ...state, deleted: true };
  }
};

/** Whether a subscription to `eventTypes` wants an event of this CloudEvent type. */
export const webhookWants = (eventTypes: readonly string[], cloudEventType: string): boolean =>
  eventTypes.includes(ALL_WEBHOOK_EVENT_TYPES) || eventTypes.includes(cloudEventType);
