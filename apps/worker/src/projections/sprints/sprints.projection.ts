import type { EntityManager } from 'typeorm';
import {
  evolveSprint,
  initialSprint,
  type ExistingSprint,
  type SprintEvent,
  type SprintState,
} from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

type SprintRecord = {
  id: string;
  workspace_id: string;
  name: string;
  goal: string;
  start_date: string;
  end_date: string;
  capacity: number;
  state: SprintState;
  accepted_item_ids: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
};

type FoldedRow = {
  state: ExistingSprint;
  workspaceId: string;
  acceptedItemIds: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

const sprintEventTypes: readonly SprintEvent['type'][] = [
  'SprintCreated',
  'SprintEdited',
  'SprintStarted',
  'SprintCompleted',
];

const rowOf = (record: SprintRecord): FoldedRow => ({
  state: {
    exists: true,
    sprintId: record.id,
    name: record.name,
    goal: record.goal,
    startDate: record.start_date,
    endDate: record.end_date,
    capacity: record.capacity,
    state: record.state,
  },
  workspaceId: record.workspace_id,
  acceptedItemIds: record.accepted_item_ids,
  createdAt: record.created_at.toISOString(),
  updatedAt: record.updated_at.toISOString(),
  version: record.version,
});

const toRecord = (row: FoldedRow) => ({
  id: row.state.sprintId,
  workspace_id: row.workspaceId,
  name: row.state.name,
  goal: row.state.goal,
  start_date: row.state.startDate,
  end_date: row.state.endDate,
  capacity: row.state.capacity,
  state: row.state.state,
  accepted_item_ids: row.acceptedItemIds,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
  version: row.version,
});

/**
 * Sprints (`sprints`), folded with the domain's own evolve. A row remembers the stream version it
 * reflects: an event at or below it was applied already, so replaying a batch changes nothing.
 * Points are not kept here: they are summed from `backlog_items` when read.
 */
export const sprintsProjection: Projection = {
  name: 'sprints',
  tables: ['sprints'],
  handles: new Set<string>(sprintEventTypes),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const sprintIds = [...new Set(events.map((e) => (e.data as { sprintId: string }).sprintId))];
    // Dates as text: node-postgres would turn a date into a local-midnight Date.
    const existing = await tx.query<SprintRecord[]>(
      `SELECT id, workspace_id, name, goal, start_date::text AS start_date, end_date::text AS end_date,
         capacity::float8 AS capacity, state, accepted_item_ids::text[] AS accepted_item_ids,
         created_at, updated_at, version
       FROM sprints WHERE id = ANY($1::uuid[])`,
      [sprintIds],
    );
    const rows = new Map(existing.map((r) => [r.id, rowOf(r)]));
    const changed = new Set<string>();
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as SprintEvent;
      const { sprintId } = event.data;
      const before = rows.get(sprintId);
      if (before && stored.version <= before.version) continue;
      const state = evolveSprint(before?.state ?? initialSprint(), event);
      if (!state.exists) continue;
      const at = stored.metadata.occurredAt;
      rows.set(sprintId, {
        state,
        workspaceId: stored.workspaceId,
        acceptedItemIds:
          event.type === 'SprintCompleted'
            ? event.data.acceptedItemIds
            : (before?.acceptedItemIds ?? []),
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
        version: stored.version,
      });
      changed.add(sprintId);
    }
    const records = [...changed].flatMap((id) => {
      const row = rows.get(id);
      return row ? [toRecord(row)] : [];
    });
    if (records.length === 0) return;
    await tx.query(
      `INSERT INTO sprints (id, workspace_id, name, goal, start_date, end_date, capacity, state,
         accepted_item_ids, created_at, updated_at, version)
       SELECT r.* FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, workspace_id uuid, name text,
         goal text, start_date date, end_date date, capacity numeric, state text,
         accepted_item_ids uuid[], created_at timestamptz, updated_at timestamptz, version int)
       ON CONFLICT (id) DO UPDATE SET
         name = EXCLUDED.name, goal = EXCLUDED.goal, start_date = EXCLUDED.start_date,
         end_date = EXCLUDED.end_date, capacity = EXCLUDED.capacity, state = EXCLUDED.state,
         accepted_item_ids = EXCLUDED.accepted_item_ids, updated_at = EXCLUDED.updated_at,
         version = EXCLUDED.version`,
      [JSON.stringify(records)],
    );
  },
};
