import {
  ALL_WEBHOOK_EVENT_TYPES,
  WEBHOOK_PING_EVENT_TYPE,
  type WebhookDeliveryStatus,
  type WebhookKind,
  type WebhookView,
} from '@chorus/domain/client';
import type { BadgeTone } from '@chorus/ui';
import { plural } from '../../lib/format';

export const kindLabels: Record<WebhookKind, string> = { webhook: 'Webhook', slack: 'Slack' };
export const kindTones: Record<WebhookKind, BadgeTone> = { webhook: 'blue', slack: 'violet' };

export const deliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};

export const deliveryStatusTones: Record<WebhookDeliveryStatus, BadgeTone> = {
  pending: 'neutral',
  retrying: 'amber',
  delivered: 'green',
  failed: 'red',
};

/** What the status column says: running, paused by someone, or paused because it kept failing. */
export type WebhookState = 'active' | 'paused' | 'failing';

export const stateOf = (webhook: WebhookView): WebhookState =>
  webhook.status === 'active'
    ? 'active'
    : webhook.pausedReason === 'failing'
      ? 'failing'
      : 'paused';

export const stateLabels: Record<WebhookState, string> = {
  active: 'Active',
  paused: 'Paused',
  failing: 'Paused: failing',
};

export const stateTones: Record<WebhookState, BadgeTone> = {
  active: 'green',
  paused: 'neutral',
  failing: 'red',
};

export const subscribesToAll = (eventTypes: readonly string[]): boolean =>
  eventTypes.includes(ALL_WEBHOOK_EVENT_TYPES);

/** "All events" or "3 event types". */
export const eventTypesSummary = (eventTypes: readonly string[]): string =>
  subscribesToAll(eventTypes) ? 'All events' : plural(eventTypes.length, 'event type');

/** `com.chorus.feedback.submitted.v1` → `feedback.submitted`, short enough for a table cell. */
export const shortEventType = (type: string): string =>
  type === WEBHOOK_PING_EVENT_TYPE
    ? 'Test event'
    : type.replace(/^com\.chorus\./, '').replace(/\.v\d+$/, '');

/** `com.chorus.feedback.submitted.v2` → `feedback.submitted.v2`: the whole type, less the prefix. */
export const eventTypeName = (type: string): string => type.replace(/^com\.chorus\./, '');

/** A bounded context's name as a heading: `feedback` → `Feedback`. */
export const contextLabel = (context: string): string =>
  context.charAt(0).toUpperCase() + context.slice(1).replace(/[-_]/g, ' ');

/** An attempt's HTTP status code, or that no answer came. */
export const statusCodeText = (code: number | null): string =>
  code === null ? 'No answer' : String(code);

/** The Standard Webhooks specification: how a receiver checks the signature. */
export const STANDARD_WEBHOOKS_URL = 'https://www.standardwebhooks.com/';
