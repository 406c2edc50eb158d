import type { EntityManager } from 'typeorm';
import {
  evolveInitiative,
  initialInitiative,
  type ExistingInitiative,
  type InitiativeEvent,
} from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

type InitiativeRecord = {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  lane: ExistingInitiative['lane'];
  quarter: string | null;
  visibility: ExistingInitiative['visibility'];
  archived: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
};

type FoldedRow = {
  state: ExistingInitiative;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

const initiativeEventTypes: readonly InitiativeEvent['type'][] = [
  'InitiativeCreated',
  'InitiativeEdited',
  'InitiativeMoved',
  'InitiativeArchived',
];

const rowOf = (record: InitiativeRecord): FoldedRow => ({
  state: {
    exists: true,
    initiativeId: record.id,
    title: record.title,
    description: record.description,
    lane: record.lane,
    quarter: record.quarter,
    visibility: record.visibility,
    archived: record.archived,
  },
  workspaceId: record.workspace_id,
  createdAt: record.created_at.toISOString(),
  updatedAt: record.updated_at.toISOString(),
  version: record.version,
});

const toRecord = (row: FoldedRow) => ({
  id: row.state.initiativeId,
  workspace_id: row.workspaceId,
  title: row.state.title,
  description: row.state.description,
  lane: row.state.lane,
  quarter: row.state.quarter,
  visibility: row.state.visibility,
  archived: row.state.archived,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
  version: row.version,
});

/**
 * The roadmap's initiatives (`initiatives`), folded with the domain's own evolve; archived ones
 * stay as rows, flagged. A row remembers the stream version it reflects: an event at or below it
 * was applied already, so replaying a batch changes nothing. Progress is summed from
 * `backlog_items` when read.
 */
export const roadmapProjection: Projection = {
  name: 'roadmap',
  tables: ['initiatives'],
  handles: new Set<string>(initiativeEventTypes),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const ids = [...new Set(events.map((e) => (e.data as { initiativeId: string }).initiativeId))];
    const existing = await tx.query<InitiativeRecord[]>(
      `SELECT id, workspace_id, title, description, lane, quarter, visibility, archived,
         created_at, updated_at, version
       FROM initiatives WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const rows = new Map(existing.map((r) => [r.id, rowOf(r)]));
    const changed = new Set<string>();
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as InitiativeEvent;
      const { initiativeId } = event.data;
      const before = rows.get(initiativeId);
      if (before && stored.version <= before.version) continue;
      const state = evolveInitiative(before?.state ?? initialInitiative(), event);
      if (!state.exists) continue;
      const at = stored.metadata.occurredAt;
      rows.set(initiativeId, {
        state,
        workspaceId: stored.workspaceId,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
        version: stored.version,
      });
      changed.add(initiativeId);
    }
    const records = [...changed].flatMap((id) => {
      const row = rows.get(id);
      return row ? [toRecord(row)] : [];
    });
    if (records.length === 0) return;
    await tx.query(
      `INSERT INTO initiatives (id, workspace_id, title, description, lane, quarter, visibility,
         archived, created_at, updated_at, version)
       SELECT r.* FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, workspace_id uuid, title text,
         description text, lane text, quarter text, visibility text, archived boolean,
         created_at timestamptz, updated_at timestamptz, version int)
       ON CONFLICT (id) DO UPDATE SET
         title = EXCLUDED.title, description = EXCLUDED.description, lane = EXCLUDED.lane,
         quarter = EXCLUDED.quarter, visibility = EXCLUDED.visibility, archived = EXCLUDED.archived,
         updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`,
      [JSON.stringify(records)],
    );
  },
};
