import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { AggregateNotFound } from '../shared/errors';
import type { Actor } from '../shared/actor';
import type { Feedback } from '../feedback/feedback';

/**
 * Explicit follows live in a stream per person and feedback, like ballots. Authors and voters
 * follow automatically (the followers read model derives that from their own events) unless
 * they have explicitly unfollowed.
 */
const followData = z.object({ feedbackId: z.uuid(), personId: z.string().min(1) });
export const FeedbackFollowedV1 = defineEvent('FeedbackFollowed', 1, followData);
export const FeedbackUnfollowedV1 = defineEvent('FeedbackUnfollowed', 1, followData);
export type FollowEvent =
  | { type: 'FeedbackFollowed'; data: z.infer<typeof followData> }
  | { type: 'FeedbackUnfollowed'; data: z.infer<typeof followData> };
export const followEventDefinitions = [FeedbackFollowedV1, FeedbackUnfollowedV1];

export type Following = 'unset' | 'following' | 'unfollowed';
export type SetFollowing = {
  type: 'Follow' | 'Unfollow';
  feedbackId: string;
  actor: Actor;
};

export const evolveFollowing = (_: Following, event: FollowEvent): Following =>
  event.type === 'FeedbackFollowed' ? 'following' : 'unfollowed';

export const decideFollowing = (
  command: SetFollowing,
  feedback: Feedback,
  state: Following,
): FollowEvent[] => {
  if (!feedback.exists) throw new AggregateNotFound('Feedback', command.feedbackId);
  const data = { feedbackId: command.feedbackId, personId: command.actor.id };
  if (command.type === 'Follow') {
    return state === 'following' ? [] : [{ type: 'FeedbackFollowed', data }];
  }
  return state === 'unfollowed' ? [] : [{ type: 'FeedbackUnfollowed', data }];
};

export const followStreamId = (feedbackId: string, personId: string): string =>
  `follow-${feedbackId}-${personId}`;
