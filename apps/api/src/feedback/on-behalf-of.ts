import { z } from 'zod';
import {
  customerStreamId,
  feedbackSources,
  type OnBehalfOf,
  type OnBehalfOfInput,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { customerIdOf } from '../customers/customer-ids';
import { fieldError, validationFailed } from '../platform/problem-details';

export const OnBehalfOfSchema = z
  .object({
    customerId: z.uuid('Customer id must be a UUID.').optional(),
    customerExternalId: z.string().trim().min(1).max(200).optional(),
    source: z.enum(feedbackSources, {
      error: `Source must be one of ${feedbackSources.join(', ')}.`,
    }),
    quote: z.string().trim().max(2_000, 'A quote must be at most 2,000 characters.').optional(),
  })
  .strict()
  .refine((v) => (v.customerId === undefined) !== (v.customerExternalId === undefined), {
    message: 'Name the customer by exactly one of customerId or customerExternalId.',
    path: ['customerId'],
  }) satisfies z.ZodType<OnBehalfOfInput>;

/**
 * Turns the customer named in a request into the domain's OnBehalfOf, checking the customer
 * exists in the actor's workspace (a 422 naming the field otherwise).
 */
export const resolveOnBehalfOf = async (
  store: PostgresEventStore,
  workspaceId: string,
  input: OnBehalfOfInput | undefined,
  field = 'onBehalfOf',
): Promise<OnBehalfOf | undefined> => {
  if (!input) return undefined;
  const customerId = input.customerId ?? customerIdOf(workspaceId, input.customerExternalId ?? '');
  const events = await store.readStream(customerStreamId(customerId), { workspaceId });
  if (events.length === 0) {
    const named = input.customerId === undefined ? 'customerExternalId' : 'customerId';
    throw validationFailed([
      fieldError([field, named], 'There is no such customer in this workspace; create it first.'),
    ]);
  }
  return { customerId, source: input.source, quote: input.quote };
};
