import type { EntityManager } from 'typeorm';
import {
  evolveFeedbackListRow,
  feedbackListEventTypes,
  feedbackListRowKey,
  type FeedbackEvent,
  type FeedbackListEvent,
  type FeedbackListRow,
} from '@chorus/domain';
import {
  FEEDBACK_LIST_COLUMNS,
  feedbackListRowFromRecord,
  feedbackListRowToRecord,
  searchLanguage,
  type FeedbackListRecord,
  type Projection,
  type StoredEvent,
} from '@chorus/event-store';
import { applyBallots } from './ballots.step';
import { applyComments } from './comments.step';
import { applyCustomers } from './customers.step';
import { applyVotes, feedbackVotedBy, recountDemand } from './demand.step';
import { applyScores, backlogScoreEventTypes, backlogScoreTables } from './scores.step';

export const toProjectedEvent = (event: StoredEvent): FeedbackListEvent =>
  ({
    type: event.type,
    data: event.data,
    streamId: event.streamId,
    streamVersion: event.version,
    workspaceId: event.workspaceId,
    occurredAt: event.metadata.occurredAt,
  }) as FeedbackListEvent;

const rowEventTypes = new Set<string>(
  feedbackListEventTypes.filter((t) => t !== 'VoteCast' && t !== 'VoteWithdrawn'),
);

const customerEventTypes = [
  'CustomerCreated',
  'CustomerUpdated',
  'CustomerErased',
  'CompanyCreated',
  'CompanyUpdated',
] as const;

/**
 * Folds the batch's events into the inbox rows they touch and writes the changed rows back.
 * Returns the items whose demand must be counted afresh: new rows and merged or unmerged groups.
 */
const applyRows = async (
  tx: EntityManager,
  events: readonly StoredEvent[],
): Promise<Set<string>> => {
  // Votes reach the row through applyVotes, in one narrow update per item.
  const projected = events.filter((e) => rowEventTypes.has(e.type)).map(toProjectedEvent);
  const recount = new Set<string>();
  if (projected.length === 0) return recount;
  const keys = [...new Set(projected.map(feedbackListRowKey))];
  const existing = await tx.query<FeedbackListRecord[]>(
    `SELECT ${FEEDBACK_LIST_COLUMNS} FROM feedback_list WHERE feedback_id = ANY($1::uuid[])`,
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
    // Votes may have arrived before the row (Kafka orders by item, not across topics); a merge
    // or unmerge changes the groups of both items.
    const data = (event as FeedbackEvent).data;
    if (event.type === 'FeedbackSubmitted') recount.add(key);
    if ('intoId' in data) recount.add(key).add(data.intoId);
    if ('fromId' in data) recount.add(key).add(data.fromId);
    if ('duplicateId' in data) recount.add(key).add(data.duplicateId);
  }
  const records = [...changed].flatMap((key) => {
    const row = rows.get(key);
    return row ? [feedbackListRowToRecord(row)] : [];
  });
  if (records.length > 0) {
    await tx.query(
      `INSERT INTO feedback_list AS f (${FEEDBACK_LIST_COLUMNS}, search_vector)
       SELECT r.*, setweight(to_tsvector($2::regconfig, r.title), 'A')
                   || setweight(to_tsvector($2::regconfig, r.description), 'B')
       FROM jsonb_to_recordset($1::jsonb) AS r(feedback_id uuid, workspace_id uuid, title text,
         description text, board_id text, category_id text, author_id text, captured_by text, source text, quote text,
         status text, status_kind text, tags text[], moderation text, spam boolean, merged_into uuid,
         duplicate_count int, vote_count int, revenue_cents bigint, comment_count int,
         first_response_at timestamptz, version int, created_at timestamptz, last_activity_at timestamptz)
       ON CONFLICT (feedback_id) DO UPDATE SET
         title = EXCLUDED.title, description = EXCLUDED.description, board_id = EXCLUDED.board_id,
         category_id = EXCLUDED.category_id,
         status = EXCLUDED.status, status_kind = EXCLUDED.status_kind, tags = EXCLUDED.tags,
         moderation = EXCLUDED.moderation, spam = EXCLUDED.spam, merged_into = EXCLUDED.merged_into,
         duplicate_count = EXCLUDED.duplicate_count, first_response_at = EXCLUDED.first_response_at,
         version = EXCLUDED.version, last_activity_at = EXCLUDED.last_activity_at,
         search_vector = CASE WHEN (f.title, f.description) IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description)
           THEN EXCLUDED.search_vector ELSE f.search_vector END`,
      [JSON.stringify(records), searchLanguage()],
    );
  }
  return recount;
};

/**
 * The inbox read model and the sets its demand figures are counted from: ballots, comments,
 * customers and companies live in one projection so that a batch updates them all before the
 * counts are taken, and a rebuild gives exactly the same numbers.
 */
export const feedbackListProjection: Projection = {
  name: 'feedback_list',
  tables: [
    'feedback_list',
    'feedback_ballots',
    'feedback_comments',
    'customers',
    'companies',
    ...backlogScoreTables,
  ],
  handles: new Set<string>([
    ...feedbackListEventTypes,
    ...customerEventTypes,
    ...backlogScoreEventTypes,
  ]),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    // Through Kafka, batches from different partitions are applied concurrently, and a batch's
    // counts depend on rows another batch writes (a vote and its voter's CustomerCreated, the two
    // halves of a merge): one batch of this projection at a time, so each sees the other's rows.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('chorus:feedback_list'))`);
    const moved = await applyCustomers(tx, events);
    const recount = await applyRows(tx, events);
    const votes = await applyBallots(tx, events);
    await applyVotes(tx, votes.changes, votes.activity);
    for (const id of await applyComments(tx, events)) recount.add(id);
    for (const id of await feedbackVotedBy(tx, moved.customers, moved.companies)) recount.add(id);
    await recountDemand(tx, [...recount]);
    // Last: backlog scores count from the ballots, companies and merge groups written above.
    await applyScores(tx, events);
  },
};
