import type { EntityManager } from 'typeorm';
import {
  evolveFeedbackListRow,
  feedbackListEventTypes,
  feedbackListRowKey,
  type FeedbackListEvent,
  type FeedbackListRow,
} from '@chorus/domain';
import {
  feedbackListRowFromRecord,
  feedbackListRowToRecord,
  type FeedbackListRecord,
  type Projection,
  type StoredEvent,
} from '@chorus/event-store';

export const toProjectedEvent = (event: StoredEvent): FeedbackListEvent =>
  ({
    type: event.type,
    data: event.data,
    streamId: event.streamId,
    streamVersion: event.version,
    workspaceId: event.workspaceId,
    occurredAt: event.metadata.occurredAt,
  }) as FeedbackListEvent;

/**
 * The inbox read model. A batch loads every row it touches in one query, folds the events in
 * memory with the pure domain evolve, and writes the changed rows back in one upsert.
 */
export const feedbackListProjection: Projection = {
  name: 'feedback_list',
  tables: ['feedback_list'],
  handles: new Set(feedbackListEventTypes),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const projected = events.map(toProjectedEvent);
    const keys = [...new Set(projected.map(feedbackListRowKey))];
    const existing = await tx.query<FeedbackListRecord[]>(
      `SELECT * FROM feedback_list WHERE feedback_id = ANY($1::uuid[])`,
      [keys],
    );
    const rows = new Map<string, FeedbackListRow | undefined>(
      existing.map((r) => [r.feedback_id, feedbackListRowFromRecord(r)]),
    );
    const changed = new Set<string>();
    for (const event of projected) {
      const key = feedbackListRowKey(event);
      const before = rows.get(key);
      const after = evolveFeedbackListRow(before, event);
      if (after !== before) {
        rows.set(key, after);
        changed.add(key);
      }
    }
    const records = [...changed].flatMap((key) => {
      const row = rows.get(key);
      return row ? [feedbackListRowToRecord(row)] : [];
    });
    if (records.length === 0) return;
    await tx.query(
      `INSERT INTO feedback_list AS f (feedback_id, workspace_id, title, description, board_id, author_id,
         status, vote_count, voter_count, version, created_at, last_activity_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(feedback_id uuid, workspace_id uuid, title text,
         description text, board_id text, author_id text, status text, vote_count int, voter_count int,
         version int, created_at timestamptz, last_activity_at timestamptz)
       ON CONFLICT (feedback_id) DO UPDATE SET
         title = EXCLUDED.title, description = EXCLUDED.description, board_id = EXCLUDED.board_id,
         status = EXCLUDED.status, vote_count = EXCLUDED.vote_count, voter_count = EXCLUDED.voter_count,
         version = EXCLUDED.version, last_activity_at = EXCLUDED.last_activity_at`,
      [JSON.stringify(records)],
    );
  },
};
