import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { webhookKinds, webhookPauseReasons } from '../contracts/webhooks-api';

export const WebhookKindSchema = z.enum(webhookKinds);
export const WebhookPauseReasonSchema = z.enum(webhookPauseReasons);
export const WEBHOOK_DESCRIPTION_MAX = 200;
export const WebhookDescription = z
  .string()
  .trim()
  .max(
    WEBHOOK_DESCRIPTION_MAX,
    `A description must be at most ${WEBHOOK_DESCRIPTION_MAX} characters.`,
  );
/** A CloudEvent type (`com.chorus.feedback.submitted.v1`) or `*` for every type. */
export const SubscribedEventTypes = z
  .array(z.string().regex(/^(\*|com\.chorus\.[a-z]+\.[a-z-]+\.v[0-9]+)$/))
  .min(1, 'Choose at least one event type.');
/**
 * The URL as events carry it: a Slack URL's last segment (its credential) and any query string are
 * masked. The URL itself is kept beside the log, with the signing secret.
 */
const ShownUrl = z.string().min(1).max(2048);

/** Neither the signing secret nor a URL's credentials are ever in an event. */
export const WebhookCreatedV1 = defineEvent(
  'WebhookCreated',
  1,
  z.object({
    webhookId: z.uuid(),
    kind: WebhookKindSchema,
    url: ShownUrl,
    eventTypes: SubscribedEventTypes,
    description: WebhookDescription,
    by: z.string().min(1),
  }),
);
export const WebhookChangedV1 = defineEvent(
  'WebhookChanged',
  1,
  z.object({
    webhookId: z.uuid(),
    url: ShownUrl.optional(),
    eventTypes: SubscribedEventTypes.optional(),
    description: WebhookDescription.optional(),
    by: z.string().min(1),
  }),
);
export const WebhookPausedV1 = defineEvent(
  'WebhookPaused',
  1,
  z.object({
    webhookId: z.uuid(),
    reason: WebhookPauseReasonSchema,
    /** Null when Chorus paused it because its deliveries kept failing. */
    by: z.string().min(1).nullable(),
  }),
);
export const WebhookResumedV1 = defineEvent(
  'WebhookResumed',
  1,
  z.object({ webhookId: z.uuid(), by: z.string().min(1) }),
);
export const WebhookSecretRotatedV1 = defineEvent(
  'WebhookSecretRotated',
  1,
  z.object({ webhookId: z.uuid(), by: z.string().min(1) }),
);
export const WebhookDeletedV1 = defineEvent(
  'WebhookDeleted',
  1,
  z.object({ webhookId: z.uuid(), by: z.string().min(1) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type WebhookCreated = { type: 'WebhookCreated'; data: DataOf<typeof WebhookCreatedV1> };
export type WebhookChanged = { type: 'WebhookChanged'; data: DataOf<typeof WebhookChangedV1> };
export type WebhookPaused = { type: 'WebhookPaused'; data: DataOf<typeof WebhookPausedV1> };
export type WebhookResumed = { type: 'WebhookResumed'; data: DataOf<typeof WebhookResumedV1> };
export type WebhookSecretRotated = {
  type: 'WebhookSecretRotated';
  data: DataOf<typeof WebhookSecretRotatedV1>;
};
export type WebhookDeleted = { type: 'WebhookDeleted'; data: DataOf<typeof WebhookDeletedV1> };
export type WebhookEvent =
  | WebhookCreated
  | WebhookChanged
  | WebhookPaused
  | WebhookResumed
  | WebhookSecretRotated
  | WebhookDeleted;

export const webhookEventDefinitions = [
  WebhookCreatedV1,
  WebhookChangedV1,
  WebhookPausedV1,
  WebhookResumedV1,
  WebhookSecretRotatedV1,
  WebhookDeletedV1,
];

export const webhookStreamId = (webhookId: string): string => `webhook-${webhookId}`;
