import type { EntityManager } from 'typeorm';
import type { FeedbackSubmitted, FollowEvent, VoteCast } from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

type AutoReason = 'author' | 'voter';
type Choice = 'following' | 'unfollowed';
type FollowerChange = {
  feedbackId: string;
  personId: string;
  workspaceId: string;
  autoReason: AutoReason | null;
  choice: Choice | null;
};

type FollowersEvent = FeedbackSubmitted | VoteCast | FollowEvent;

/** Being the author outranks being a voter; either outranks nothing. */
const strongerReason = (a: AutoReason | null, b: AutoReason | null): AutoReason | null =>
  a === 'author' || b === 'author' ? 'author' : (a ?? b);

/**
 * Who follows what (`feedback_followers`): authors and voters automatically, anyone explicitly.
 * An explicit choice wins over the automatic reason, so a person who unfollowed stays unfollowed
 * when they vote again. A teammate capturing feedback for a customer is not its author and does
 * not follow it. Every write is an upsert that merges facts, never a counter: replay is harmless.
 */
export const feedbackFollowersProjection: Projection = {
  name: 'feedback_followers',
  tables: ['feedback_followers'],
  handles: new Set<FollowersEvent['type']>([
    'FeedbackSubmitted',
    'VoteCast',
    'FeedbackFollowed',
    'FeedbackUnfollowed',
  ]),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const changes = new Map<string, FollowerChange>();
    const change = (
      event: StoredEvent,
      feedbackId: string,
      personId: string,
      fact: { autoReason?: AutoReason; choice?: Choice },
    ) => {
      const key = `${feedbackId}\u0000${personId}`;
      const before = changes.get(key);
      changes.set(key, {
        feedbackId,
        personId,
        workspaceId: event.workspaceId,
        autoReason: strongerReason(before?.autoReason ?? null, fact.autoReason ?? null),
        // The log gives events in order: the last choice in the batch is the one that stands.
        choice: fact.choice ?? before?.choice ?? null,
      });
    };
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as FollowersEvent;
      switch (event.type) {
        case 'FeedbackSubmitted':
          change(stored, event.data.feedbackId, event.data.authorId, { autoReason: 'author' });
          break;
        case 'VoteCast':
          change(stored, event.data.feedbackId, event.data.voterId, { autoReason: 'voter' });
          break;
        case 'FeedbackFollowed':
          change(stored, event.data.feedbackId, event.data.personId, { choice: 'following' });
          break;
        case 'FeedbackUnfollowed':
          change(stored, event.data.feedbackId, event.data.personId, { choice: 'unfollowed' });
          break;
      }
    }
    if (changes.size === 0) return;
    await tx.query(
      `INSERT INTO feedback_followers AS f (feedback_id, person_id, workspace_id, auto_reason, choice)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(
         "feedbackId" uuid, "personId" text, "workspaceId" uuid, "autoReason" text, "choice" text)
       ON CONFLICT (feedback_id, person_id) DO UPDATE SET
         auto_reason = CASE
           WHEN f.auto_reason = 'author' OR EXCLUDED.auto_reason = 'author' THEN 'author'
           ELSE coalesce(EXCLUDED.auto_reason, f.auto_reason) END,
         choice = coalesce(EXCLUDED.choice, f.choice)`,
      [JSON.stringify([...changes.values()])],
    );
  },
};
