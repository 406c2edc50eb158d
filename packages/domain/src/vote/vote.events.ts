import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const VoteCastV1 = defineEvent(
  'VoteCast',
  1,
  z.object({ feedbackId: z.uuid(), voterId: z.string().min(1) }),
);
export const VoteWithdrawnV1 = defineEvent(
  'VoteWithdrawn',
  1,
  z.object({ feedbackId: z.uuid(), voterId: z.string().min(1) }),
);

export type VoteCast = { type: 'VoteCast'; data: z.infer<typeof VoteCastV1.schema> };
export type VoteWithdrawn = { type: 'VoteWithdrawn'; data: z.infer<typeof VoteWithdrawnV1.schema> };
export type VoteEvent = VoteCast | VoteWithdrawn;

export const voteEventDefinitions = [VoteCastV1, VoteWithdrawnV1];
