import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { CustomerQuote, FeedbackSource } from '../feedback/feedback.events';

const voteV1 = z.object({ feedbackId: z.uuid(), voterId: z.string().min(1) });
export const VoteCastV1 = defineEvent('VoteCast', 1, voteV1);
/** v2: a vote a teammate recorded for a customer says who captured it, from where, and their words. */
export const VoteCastV2 = defineEvent(
  'VoteCast',
  2,
  voteV1.extend({
    source: FeedbackSource,
    capturedBy: z.string().min(1).nullable(),
    quote: CustomerQuote.nullable(),
  }),
);
export const VoteWithdrawnV1 = defineEvent('VoteWithdrawn', 1, voteV1);

export type VoteCast = {
  type: 'VoteCast';
  data: z.infer<typeof VoteCastV1.schema> &
    Partial<Pick<z.infer<typeof VoteCastV2.schema>, 'source' | 'capturedBy' | 'quote'>>;
};
export type VoteWithdrawn = { type: 'VoteWithdrawn'; data: z.infer<typeof VoteWithdrawnV1.schema> };
export type VoteEvent = VoteCast | VoteWithdrawn;

export const voteEventDefinitions = [VoteCastV1, VoteCastV2, VoteWithdrawnV1];
