// Shapes of the webhooks and Slack endpoints (`integrations.manage`), shared by the API and the
// web app. A subscription posts the workspace's events, as they are appended, to a URL: signed
// CloudEvents for `webhook`, Block Kit messages for `slack` (an incoming-webhook URL).

export const webhookKinds = ['webhook', 'slack'] as const;
export type WebhookKind = (typeof webhookKinds)[number];

/** Why a subscription is paused: an admin paused it, or Chorus did after deliveries kept failing. */
export const webhookPauseReasons = ['by_admin', 'failing'] as const;
export type WebhookPauseReason = (typeof webhookPauseReasons)[number];

export type WebhookStatus = 'active' | 'paused';

/** Subscribes to every event type, including those added later. */
export const ALL_WEBHOOK_EVENT_TYPES = '*';

/** The CloudEvent type of the event `POST /api/v1/webhooks/:id/test` sends. */
export const WEBHOOK_PING_EVENT_TYPE = 'com.chorus.webhook.ping.v1';

/**
 * `POST /api/v1/webhooks`. `eventTypes` are CloudEvent types from `GET /api/v1/webhooks/event-types`
 * (`com.chorus.feedback.submitted.v1`), or `['*']` for all. A `slack` URL is an incoming-webhook
 * URL (`https://hooks.slack.com/services/…`). URLs must be https.
 */
export type CreateWebhookInput = {
  kind?: WebhookKind;
  url: string;
  eventTypes: string[];
  description?: string;
};

/** `PATCH /api/v1/webhooks/:id` with `If-Match: <version>`: only the fields given change. */
export type UpdateWebhookInput = {
  url?: string;
  eventTypes?: string[];
  description?: string;
};

/** The last delivery's outcome, for the list. */
export type WebhookLastDelivery = {
  status: WebhookDeliveryStatus;
  at: string;
  statusCode: number | null;
};

export type WebhookView = {
  id: string;
  kind: WebhookKind;
  url: string;
  eventTypes: string[];
  description: string;
  status: WebhookStatus;
  pausedReason: WebhookPauseReason | null;
  pausedAt: string | null;
  /** The secret's first characters, e.g. `whsec_3fQa`, to recognise it by; null for Slack. */
  secretPrefix: string | null;
  createdAt: string;
  createdBy: { id: string; name: string };
  updatedAt: string;
  /** Version of the subscription's stream: the ETag for edits. */
  version: number;
  lastDelivery: WebhookLastDelivery | null;
};

/**
 * The answer to a create and to `POST /api/v1/webhooks/:id/rotate-secret`: the only times the
 * signing secret (`whsec_…`, Standard Webhooks) is shown. Slack subscriptions have none.
 */
export type CreatedWebhook = WebhookView & { secret: string | null };

export type WebhookList = { items: WebhookView[] };

/** `GET /api/v1/webhooks/event-types`: what a subscription can choose, from the contracts catalog. */
export type WebhookEventTypeOption = {
  /** The CloudEvent type a subscription lists, e.g. `com.chorus.feedback.submitted.v1`. */
  type: string;
  /** The Chorus event behind it, e.g. `FeedbackSubmitted`. */
  eventType: string;
  /** The bounded context, e.g. `feedback`: the UI groups by it. */
  context: string;
  description: string;
};
export type WebhookEventTypes = { items: WebhookEventTypeOption[] };

/**
 * `pending`: waiting for its first attempt or a redelivery; `retrying`: failed, another attempt is
 * scheduled; `delivered`: the receiver answered 2xx; `failed`: Chorus gave up (a day of retries,
 * a 410 Gone, or the subscription was deleted).
 */
export const webhookDeliveryStatuses = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** The query string of `GET /api/v1/webhooks/:id/deliveries`, newest first. */
export type WebhookDeliveryQuery = {
  status?: WebhookDeliveryStatus;
  /** 50 unless given, at most 200. */
  limit?: number;
  cursor?: string;
};

export type WebhookDeliveryView = {
  id: string;
  /** The CloudEvent's id: the event's id, the same on every attempt (`webhook-id` header). */
  eventId: string;
  /** The CloudEvent type, e.g. `com.chorus.feedback.submitted.v1`. */
  eventType: string;
  /** The stream the event was appended to (the CloudEvent's subject); null for a test ping. */
  subject: string | null;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  createdAt: string;
  lastAttemptAt: string | null;
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null;
  /** The status code of the last attempt; null if it got no answer or none was made yet. */
  lastStatusCode: number | null;
};

export type WebhookDeliveryPage = { items: WebhookDeliveryView[]; nextCursor: string | null };

/** `schedule`: a first attempt or a retry; `redeliver`: asked for by an admin (or a test ping). */
export type WebhookAttemptTrigger = 'schedule' | 'redeliver';

export type WebhookAttemptView = {
  id: string;
  /** 1 for the first attempt. */
  number: number;
  trigger: WebhookAttemptTrigger;
  startedAt: string;
  durationMs: number;
  /** Null when no answer came: `error` says why (timeout, connection refused, …). */
  statusCode: number | null;
  error: string | null;
  /** At most the first 1 KB of what the receiver answered. */
  responseBodyExcerpt: string | null;
  /** The request as sent: its headers (including the signature) and body. */
  request: { url: string; headers: Record<string, string>; body: string };
};

/** `GET /api/v1/webhooks/:id/deliveries/:deliveryId`: attempts oldest first. */
export type WebhookDeliveryDetail = WebhookDeliveryView & { attempts: WebhookAttemptView[] };

/**
 * `POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver` and `POST /api/v1/webhooks/:id/test`
 * answer 202 with the delivery: the worker makes the attempt at once; poll the delivery for it.
 */
export type WebhookDeliveryQueued = WebhookDeliveryView;
