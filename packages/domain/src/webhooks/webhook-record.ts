import type { WebhookKind, WebhookPauseReason } from '../contracts/webhooks-api';
import type { WebhookEvent } from './webhook.events';

/** A subscription as its read model and its API show it, folded from its stream. */
export type WebhookRecord = {
  webhookId: string;
  kind: WebhookKind;
  /** As shown: see `shownWebhookUrl`. */
  url: string;
  eventTypes: string[];
  description: string;
  pausedReason: WebhookPauseReason | null;
  pausedAt: string | null;
  deleted: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The stream version: the ETag. */
  version: number;
};

/** The record after one event of its stream, appended at `occurredAt` as `version`. */
export const evolveWebhookRecord = (
  record: WebhookRecord | null,
  event: WebhookEvent,
  { occurredAt, version }: { occurredAt: string; version: number },
): WebhookRecord | null => {
  if (event.type === 'WebhookCreated') {
    const { webhookId, kind, url, eventTypes, description, by } = event.data;
    return {
      webhookId,
      kind,
      url,
      eventTypes,
      description,
      pausedReason: null,
      pausedAt: null,
      deleted: false,
      createdBy: by,
      createdAt: occurredAt,
      updatedAt: occurredAt,
      version,
    };
  }
  if (record === null) return null;
  const touched = { ...record, updatedAt: occurredAt, version };
  switch (event.type) {
    case 'WebhookChanged': {
      const { url, eventTypes, description } = event.data;
      return {
        ...touched,
        url: url ?? record.url,
        eventTypes: eventTypes ?? record.eventTypes,
        description: description ?? record.description,
      };
    }
    case 'WebhookPaused':
      return { ...touched, pausedReason: event.data.reason, pausedAt: occurredAt };
    case 'WebhookResumed':
      return { ...touched, pausedReason: null, pausedAt: null };
    case 'WebhookSecretRotated':
      return touched;
    case 'WebhookDeleted':
      return { ...touched, deleted: true };
  }
};
