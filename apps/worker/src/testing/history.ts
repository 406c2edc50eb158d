import { randomUUID } from 'node:crypto';
import { ballotStreamId, feedbackStreamId } from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import type { TestDatabase } from '@chorus/event-store/testing';

export const workspaceId = randomUUID();
const context = { workspaceId, actorId: 'seed', correlationId: randomUUID() };

/** A small but varied history: submissions, edits, status moves, votes and withdrawals. */
export const writeHistory = async (
  store: PostgresEventStore,
  feedbackCount: number,
  votersPerItem: number,
) => {
  const ids: string[] = [];
  for (let i = 0; i < feedbackCount; i++) {
    const feedbackId = randomUUID();
    ids.push(feedbackId);
    await store.append(
      feedbackStreamId(feedbackId),
      0,
      [
        {
          type: 'FeedbackSubmitted',
          data: {
            feedbackId,
            title: `Idea ${i}`,
            description: 'Because',
            boardId: 'general',
            authorId: 'a',
          },
        },
        ...(i % 3 === 0
          ? [
              {
                type: 'FeedbackEdited',
                data: { feedbackId, title: `Idea ${i} (edited)`, editedBy: 'a' },
              },
            ]
          : []),
        ...(i % 4 === 0
          ? [
              {
                type: 'FeedbackStatusChanged',
                data: { feedbackId, from: 'open', to: 'planned', changedBy: 'po' },
              },
            ]
          : []),
      ],
      context,
    );
    for (let v = 0; v < votersPerItem - (i % votersPerItem); v++) {
      const voterId = `voter-${v}`;
      const vote = { feedbackId, voterId };
      const events =
        v % 5 === 0
          ? [
              { type: 'VoteCast', data: vote },
              { type: 'VoteWithdrawn', data: vote },
            ]
          : [{ type: 'VoteCast', data: vote }];
      await store.append(ballotStreamId(feedbackId, voterId), 0, events, context);
    }
  }
  return ids;
};

/** Every read-model table, row by row, for comparing two ways of building them. */
export const snapshot = async (db: TestDatabase) => ({
  workspaces: await db.dataSource.query<unknown[]>(
    `SELECT * FROM workspaces ORDER BY workspace_id`,
  ),
  list: await db.dataSource.query<unknown[]>(`SELECT * FROM feedback_list ORDER BY feedback_id`),
  ballots: await db.dataSource.query<unknown[]>(
    `SELECT * FROM feedback_ballots ORDER BY feedback_id, voter_id`,
  ),
});
