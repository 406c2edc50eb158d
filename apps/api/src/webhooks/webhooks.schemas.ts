import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  webhookDeliveryStatuses,
  webhookKinds,
  type CreateWebhookInput,
  type UpdateWebhookInput,
} from '@chorus/domain';
import { pageCursor, pageLimit } from '../platform/page-params';

/** Shapes only: the rules of URLs, types and descriptions are the decider's (422 naming the field). */
const Url = z.string({ error: 'Give the URL of the receiver.' }).max(4096);
const EventTypes = z
  .array(z.string().max(200), { error: 'Give the event types as a list.' })
  .max(500, 'Choose at most 500 event types, or * for all.');
const Description = z.string({ error: 'A description is text.' }).max(1000);

const CreateWebhookSchema = z
  .object({
    kind: z
      .enum(webhookKinds, { error: `A kind is one of ${webhookKinds.join(', ')}.` })
      .optional(),
    url: Url,
    eventTypes: EventTypes,
    description: Description.optional(),
  })
  .strict() satisfies z.ZodType<CreateWebhookInput>;
export class CreateWebhookDto extends createZodDto(CreateWebhookSchema) {}

const UpdateWebhookSchema = z
  .object({
    url: Url.optional(),
    eventTypes: EventTypes.optional(),
    description: Description.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one of url, eventTypes or description.',
  }) satisfies z.ZodType<UpdateWebhookInput>;
export class UpdateWebhookDto extends createZodDto(UpdateWebhookSchema) {}

export const WebhookIdParamSchema = z.object({ id: z.uuid('A webhook id is a UUID.') });
export class WebhookIdParam extends createZodDto(WebhookIdParamSchema) {}

const DeliveryParamsSchema = WebhookIdParamSchema.extend({
  deliveryId: z.uuid('A delivery id is a UUID.'),
});
export class DeliveryParams extends createZodDto(DeliveryParamsSchema) {}

const DeliveryQuerySchema = z
  .object({
    status: z
      .enum(webhookDeliveryStatuses, {
        error: `Status must be one of ${webhookDeliveryStatuses.join(', ')}.`,
      })
      .optional(),
    limit: pageLimit(200, 50),
    cursor: pageCursor,
  })
  .strict();
export class DeliveryQueryDto extends createZodDto(DeliveryQuerySchema) {}
