import type { EntityManager } from 'typeorm';
import type { ReleaseEvent, ReleaseState } from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

/** A `releases` row as the projection folds it; times are ISO strings, the date `YYYY-MM-DD`. */
type ReleaseRow = {
  id: string;
  workspaceId: string;
  name: string;
  date: string;
  itemIds: string[];
  changelogTitle: string | null;
  changelogBody: string | null;
  state: ReleaseState;
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

const releaseEventTypes: ReadonlySet<ReleaseEvent['type']> = new Set([
  'ReleaseCreated',
  'ReleaseEdited',
  'ReleaseItemAdded',
  'ReleaseItemRemoved',
  'ChangelogEntryWritten',
  'ChangelogEntryScheduled',
  'ChangelogEntryUnscheduled',
  'ReleasePublished',
] satisfies ReleaseEvent['type'][]);

const changes = (
  event: Exclude<ReleaseEvent, { type: 'ReleaseCreated' }>,
  row: ReleaseRow,
): Partial<ReleaseRow> => {
  switch (event.type) {
    case 'ReleaseEdited':
      return { name: event.data.name ?? row.name, date: event.data.date ?? row.date };
    case 'ReleaseItemAdded':
      return row.itemIds.includes(event.data.itemId)
        ? {}
        : { itemIds: [...row.itemIds, event.data.itemId] };
    case 'ReleaseItemRemoved':
      return { itemIds: row.itemIds.filter((id) => id !== event.data.itemId) };
    case 'ChangelogEntryWritten':
      return { changelogTitle: event.data.title, changelogBody: event.data.body };
    case 'ChangelogEntryScheduled':
      return { state: 'scheduled', publishAt: event.data.publishAt };
    case 'ChangelogEntryUnscheduled':
      return { state: 'draft', publishAt: null };
    case 'ReleasePublished':
      return { state: 'published', publishedAt: event.data.publishedAt };
  }
};

/**
 * Folds one release event into its row. Each row remembers the stream version it has applied,
 * so an event at or below it (a replayed batch) changes nothing.
 */
const evolveReleaseRow = (
  row: ReleaseRow | undefined,
  stored: StoredEvent,
): ReleaseRow | undefined => {
  const event = { type: stored.type, data: stored.data } as ReleaseEvent;
  const at = stored.metadata.occurredAt;
  if (event.type === 'ReleaseCreated') {
    if (row) return row;
    return {
      id: event.data.releaseId,
      workspaceId: stored.workspaceId,
      name: event.data.name,
      date: event.data.date,
      itemIds: [],
      changelogTitle: null,
      changelogBody: null,
      state: 'draft',
      publishAt: null,
      publishedAt: null,
      createdAt: at,
      updatedAt: at,
      version: stored.version,
    };
  }
  if (!row || stored.version <= row.version) return row;
  return { ...row, ...changes(event, row), updatedAt: at, version: stored.version };
};

const ROW_COLUMNS = `id, workspace_id AS "workspaceId", name, date::text AS date, item_ids AS "itemIds",
  changelog_title AS "changelogTitle", changelog_body AS "changelogBody", state,
  to_char(publish_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishAt",
  to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", version`;

/**
 * The releases screen, the changelog and the scheduler's list of due releases (`releases`).
 * A batch loads the rows it touches, folds its events into them in log order and writes each
 * changed row once; rows carry their stream version, so replaying a batch is harmless.
 */
export const releasesProjection: Projection = {
  name: 'releases',
  tables: ['releases'],
  handles: releaseEventTypes,
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const ids = [...new Set(events.map((e) => (e.data as { releaseId: string }).releaseId))];
    if (ids.length === 0) return;
    const existing = await tx.query<ReleaseRow[]>(
      `SELECT ${ROW_COLUMNS} FROM releases WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const rows = new Map<string, ReleaseRow | undefined>(existing.map((r) => [r.id, r]));
    const touched = new Set<string>();
    for (const event of events) {
      const id = (event.data as { releaseId: string }).releaseId;
      const before = rows.get(id);
      const after = evolveReleaseRow(before, event);
      if (after !== before) {
        rows.set(id, after);
        touched.add(id);
      }
    }
    const changedRows = [...touched].flatMap((id) => rows.get(id) ?? []);
    if (changedRows.length === 0) return;
    await tx.query(
      `INSERT INTO releases AS r (id, workspace_id, name, date, item_ids, changelog_title,
         changelog_body, state, publish_at, published_at, created_at, updated_at, version)
       SELECT c.id, c."workspaceId", c.name, c.date, ARRAY(SELECT jsonb_array_elements_text(c."itemIds"))::uuid[],
         c."changelogTitle", c."changelogBody", c.state, c."publishAt", c."publishedAt",
         c."createdAt", c."updatedAt", c.version
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, "workspaceId" uuid, name text, date date,
         "itemIds" jsonb, "changelogTitle" text, "changelogBody" text, state text,
         "publishAt" timestamptz, "publishedAt" timestamptz, "createdAt" timestamptz,
         "updatedAt" timestamptz, version int)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, date = EXCLUDED.date,
         item_ids = EXCLUDED.item_ids, changelog_title = EXCLUDED.changelog_title,
         changelog_body = EXCLUDED.changelog_body, state = EXCLUDED.state,
         publish_at = EXCLUDED.publish_at, published_at = EXCLUDED.published_at,
         updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
       WHERE r.version < EXCLUDED.version`,
      [JSON.stringify(changedRows)],
    );
  },
};
