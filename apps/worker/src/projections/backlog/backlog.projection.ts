import type { EntityManager } from 'typeorm';
import {
  backlogItemEventDefinitions,
  evolveBacklogItem,
  initialBacklogItem,
  whyNotReady,
  type BacklogItem,
  type BacklogItemEvent,
  type BacklogItemStatus,
} from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

type ExistingItem = Extract<BacklogItem, { exists: true }>;

/** The columns of `backlog_items` that folding needs back; the rest are rewritten from state. */
type BacklogItemRecord = {
  id: string;
  workspace_id: string;
  kind: ExistingItem['kind'];
  parent_id: string | null;
  title: string;
  description: string;
  acceptance_criteria: ExistingItem['acceptanceCriteria'];
  estimate: string | null;
  labels: string[];
  owner_id: string | null;
  rank: string;
  status: BacklogItemStatus;
  sprint_id: string | null;
  initiative_id: string | null;
  release_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

type FoldedRow = {
  state: BacklogItem;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

const backlogEventTypes = backlogItemEventDefinitions.map((d) => d.type);

// Links live in backlog_item_feedback, and factor values in the prioritisation read model: the
// folded state here starts without them, and the pure evolve needs nothing else from them.
const stateOf = (record: BacklogItemRecord): ExistingItem => ({
  exists: true,
  itemId: record.id,
  kind: record.kind,
  parentId: record.parent_id,
  title: record.title,
  description: record.description,
  acceptanceCriteria: record.acceptance_criteria,
  estimate: record.estimate === null ? null : Number(record.estimate),
  labels: record.labels,
  ownerId: record.owner_id,
  rank: record.rank,
  feedbackIds: [],
  initiativeId: record.initiative_id,
  factors: {},
  status: record.status,
  sprintId: record.sprint_id,
  releaseId: record.release_id,
});

const toRecord = (row: FoldedRow & { state: ExistingItem }) => ({
  id: row.state.itemId,
  workspace_id: row.workspaceId,
  kind: row.state.kind,
  parent_id: row.state.parentId,
  title: row.state.title,
  description: row.state.description,
  acceptance_criteria: row.state.acceptanceCriteria,
  estimate: row.state.estimate,
  labels: row.state.labels,
  owner_id: row.state.ownerId,
  rank: row.state.rank,
  status: row.state.status,
  sprint_id: row.state.sprintId,
  initiative_id: row.state.initiativeId,
  release_id: row.state.releaseId,
  ready: whyNotReady(row.state) === null,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
  version: row.version,
});

/**
 * The backlog (`backlog_items`) and which feedback each item answers (`backlog_item_feedback`),
 * from every event of the item streams, whichever slice decided them (planning, sprints,
 * releases). A row remembers the stream version it reflects: an event at or below it was applied
 * already, so replaying a batch changes nothing.
 */
export const backlogProjection: Projection = {
  name: 'backlog',
  tables: ['backlog_items', 'backlog_item_feedback'],
  handles: new Set<string>(backlogEventTypes),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const itemIds = [...new Set(events.map((e) => (e.data as { itemId: string }).itemId))];
    const existing = await tx.query<BacklogItemRecord[]>(
      `SELECT id, workspace_id, kind, parent_id, title, description, acceptance_criteria, estimate, labels,
         owner_id, rank, status, sprint_id, initiative_id, release_id,
         created_at, updated_at, version
       FROM backlog_items WHERE id = ANY($1::uuid[])`,
      [itemIds],
    );
    const rows = new Map<string, FoldedRow>(
      existing.map((r) => [
        r.id,
        {
          state: stateOf(r),
          workspaceId: r.workspace_id,
          createdAt: r.created_at.toISOString(),
          updatedAt: r.updated_at.toISOString(),
          version: r.version,
        },
      ]),
    );
    const changed = new Set<string>();
    // The last link or unlink of a pair in the batch is the one that stands.
    const links = new Map<
      string,
      { itemId: string; feedbackId: string; workspaceId: string; linked: boolean }
    >();
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as BacklogItemEvent;
      const itemId = event.data.itemId;
      const before = rows.get(itemId);
      if (before && stored.version <= before.version) continue;
      const state = evolveBacklogItem(before?.state ?? initialBacklogItem(), event);
      if (!state.exists) continue;
      const at = stored.metadata.occurredAt;
      rows.set(itemId, {
        state,
        workspaceId: stored.workspaceId,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
        version: stored.version,
      });
      changed.add(itemId);
      if (
        event.type === 'FeedbackLinkedToBacklogItem' ||
        event.type === 'FeedbackUnlinkedFromBacklogItem'
      ) {
        const { feedbackId } = event.data;
        links.set(`${itemId}\u0000${feedbackId}`, {
          itemId,
          feedbackId,
          workspaceId: stored.workspaceId,
          linked: event.type === 'FeedbackLinkedToBacklogItem',
        });
      }
    }
    const records = [...changed].flatMap((id) => {
      const row = rows.get(id);
      return row?.state.exists ? [toRecord({ ...row, state: row.state })] : [];
    });
    if (records.length > 0) {
      await tx.query(
        `INSERT INTO backlog_items AS b (id, workspace_id, kind, parent_id, title, description,
           acceptance_criteria, estimate, labels, owner_id, rank, status, sprint_id, initiative_id,
           release_id, ready, created_at, updated_at, version)
         SELECT r.* FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, workspace_id uuid, kind text,
           parent_id uuid, title text, description text, acceptance_criteria jsonb, estimate numeric,
           labels text[], owner_id text, rank text, status text, sprint_id uuid, initiative_id uuid,
           release_id uuid, ready boolean, created_at timestamptz, updated_at timestamptz, version int)
         ON CONFLICT (id) DO UPDATE SET
           kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id, title = EXCLUDED.title,
           description = EXCLUDED.description, acceptance_criteria = EXCLUDED.acceptance_criteria,
           estimate = EXCLUDED.estimate, labels = EXCLUDED.labels, owner_id = EXCLUDED.owner_id,
           rank = EXCLUDED.rank, status = EXCLUDED.status, sprint_id = EXCLUDED.sprint_id,
           initiative_id = EXCLUDED.initiative_id, release_id = EXCLUDED.release_id,
           ready = EXCLUDED.ready, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`,
        [JSON.stringify(records)],
      );
    }
    const changes = [...links.values()];
    if (changes.some((l) => l.linked)) {
      await tx.query(
        `INSERT INTO backlog_item_feedback (item_id, feedback_id, workspace_id)
         SELECT "itemId", "feedbackId", "workspaceId"
         FROM jsonb_to_recordset($1::jsonb) AS l("itemId" uuid, "feedbackId" uuid, "workspaceId" uuid)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(changes.filter((l) => l.linked))],
      );
    }
    if (changes.some((l) => !l.linked)) {
      await tx.query(
        `DELETE FROM backlog_item_feedback f
         USING jsonb_to_recordset($1::jsonb) AS l("itemId" uuid, "feedbackId" uuid)
         WHERE f.item_id = l."itemId" AND f.feedback_id = l."feedbackId"`,
        [JSON.stringify(changes.filter((l) => !l.linked))],
      );
    }
  },
};
