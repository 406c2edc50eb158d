import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AcceptanceCriterion,
  BacklogItemKind,
  Capacity,
  IsoDate,
  SprintGoal,
  SprintName,
  sprintStates,
  workStates,
  type BacklogItemStatus,
  type ExistingSprint,
  type SprintBoard,
  type SprintBoardColumn,
  type SprintDetail,
  type SprintItemView,
  type SprintList,
  type SprintView,
} from '@chorus/domain';
import { CursorId, keysetCursor } from '../platform/keyset-cursor';

export const SprintIdParamSchema = z.object({ id: z.uuid('Sprint id must be a UUID.') });
export class SprintIdParam extends createZodDto(SprintIdParamSchema) {}

export const BacklogItemIdParamSchema = z.object({ id: z.uuid('Backlog item id must be a UUID.') });
export class BacklogItemIdParam extends createZodDto(BacklogItemIdParamSchema) {}

export const SprintInputSchema = z
  .object({
    name: SprintName,
    goal: SprintGoal.optional(),
    startDate: IsoDate,
    endDate: IsoDate.describe('After the start date'),
    capacity: Capacity.describe('Points the team expects to finish'),
  })
  .strict();
export class SprintInputDto extends createZodDto(SprintInputSchema) {}

const SprintStateSchema = z.enum(sprintStates);
export const BacklogItemStatusSchema = z.enum([
  'backlog',
  ...workStates,
  'accepted',
  'released',
] as const satisfies readonly BacklogItemStatus[]);

export const SprintViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  goal: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  capacity: z.number(),
  state: SprintStateSchema,
  plannedPoints: z.number().describe('Estimates of every item in the sprint, accepted included'),
  acceptedPoints: z.number().describe('Estimates of the accepted items: the velocity'),
  itemCount: z.number().int(),
  overCapacity: z.boolean(),
  version: z.number().int().describe('The ETag to send as If-Match'),
}) satisfies z.ZodType<SprintView>;
export class SprintViewDto extends createZodDto(SprintViewSchema) {}

const SprintItemViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: BacklogItemKind,
  estimate: z.number().nullable(),
  status: BacklogItemStatusSchema,
  acceptanceCriteria: z.array(AcceptanceCriterion),
  ready: z.boolean(),
}) satisfies z.ZodType<SprintItemView>;

const BoardColumn = z.array(SprintItemViewSchema);
export const SprintDetailSchema = SprintViewSchema.extend({
  items: z
    .object({
      todo: BoardColumn,
      in_progress: BoardColumn,
      in_review: BoardColumn,
      done: BoardColumn,
      accepted: BoardColumn,
    })
    .describe('The board: items by column, in backlog order; released items stay in accepted'),
}) satisfies z.ZodType<SprintDetail>;
export class SprintDetailDto extends createZodDto(SprintDetailSchema) {}

export const SprintListSchema = z.object({
  items: z.array(SprintViewSchema),
  nextCursor: z.string().nullable().describe('Send it back as cursor for the next page'),
}) satisfies z.ZodType<SprintList>;
export class SprintListDto extends createZodDto(SprintListSchema) {}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

export type SprintTotals = { plannedPoints: number; acceptedPoints: number; itemCount: number };

export const sprintViewOf = (
  sprint: ExistingSprint,
  version: number,
  totals: SprintTotals,
): SprintView => ({
  id: sprint.sprintId,
  name: sprint.name,
  goal: sprint.goal,
  startDate: sprint.startDate,
  endDate: sprint.endDate,
  capacity: sprint.capacity,
  state: sprint.state,
  ...totals,
  overCapacity: totals.plannedPoints > sprint.capacity,
  version,
});

// Accepted work counts for the sprint it was accepted in, released or not.
const TOTALS = `count(*)::int AS item_count,
  coalesce(sum(b.estimate), 0)::float8 AS planned_points,
  coalesce(sum(b.estimate) FILTER (WHERE b.status IN ('accepted', 'released')), 0)::float8 AS accepted_points`;

type TotalsRecord = { item_count: number; planned_points: number; accepted_points: number };
const totalsOf = (r: Partial<TotalsRecord>): SprintTotals => ({
  plannedPoints: r.planned_points ?? 0,
  acceptedPoints: r.accepted_points ?? 0,
  itemCount: r.item_count ?? 0,
});

/** A sprint's totals from the backlog read model, leaving out `exceptItemId` (counted by the caller). */
export const readSprintTotals = async (
  db: Queryable,
  workspaceId: string,
  sprintId: string,
  exceptItemId: string | null,
): Promise<SprintTotals> => {
  const [row] = await db.query<TotalsRecord[]>(
    `SELECT ${TOTALS} FROM backlog_items b
     WHERE b.workspace_id = $1 AND b.sprint_id = $2 AND b.id IS DISTINCT FROM $3::uuid`,
    [workspaceId, sprintId, exceptItemId],
  );
  return totalsOf(row ?? {});
};

type SprintRecord = TotalsRecord & {
  id: string;
  name: string;
  goal: string;
  start_date: string;
  end_date: string;
  capacity: number;
  state: ExistingSprint['state'];
  version: number;
  created_at: string;
};

/**
 * Where a page of sprints ended: the start date, creation time and id of its last sprint, the
 * list's order. The time keeps Postgres' microseconds: rounded, the keyset would skip or repeat
 * sprints created within the same millisecond.
 */
const sprintCursor = keysetCursor(z.tuple([z.iso.date(), z.iso.datetime(), CursorId]));
type SprintPosition = ReturnType<typeof sprintCursor.decode>;

/** Sprints of a workspace from the read models, newest first, with their totals. */
const readSprintRecords = (
  db: Queryable,
  workspaceId: string,
  where: { sprintId?: string; state?: ExistingSprint['state']; after?: SprintPosition },
  limit?: number,
): Promise<SprintRecord[]> => {
  const params: unknown[] = [workspaceId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['s.workspace_id = $1'];
  if (where.sprintId !== undefined) conditions.push(`s.id = ${param(where.sprintId)}`);
  if (where.state !== undefined) conditions.push(`s.state = ${param(where.state)}`);
  if (where.after !== undefined) {
    const [startDate, createdAt, id] = where.after;
    const sortKey = `(${param(startDate)}::date, ${param(createdAt)}::timestamptz)`;
    // After in (start_date DESC, created_at DESC, id ASC): id runs the other way, so no single
    // row comparison expresses it.
    conditions.push(
      `((s.start_date, s.created_at) < ${sortKey} OR ((s.start_date, s.created_at) = ${sortKey} AND s.id > ${param(id)}::uuid))`,
    );
  }
  return db.query<SprintRecord[]>(
    `SELECT s.id, s.name, s.goal, s.start_date::text AS start_date, s.end_date::text AS end_date,
       s.capacity::float8 AS capacity, s.state, s.version, t.item_count, t.planned_points, t.accepted_points,
       to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
     FROM sprints s
     LEFT JOIN LATERAL (
       SELECT ${TOTALS} FROM backlog_items b WHERE b.workspace_id = s.workspace_id AND b.sprint_id = s.id
     ) t ON true
     WHERE ${conditions.join(' AND ')}
     ORDER BY s.start_date DESC, s.created_at DESC, s.id
     ${limit === undefined ? '' : `LIMIT ${param(limit)}`}`,
    params,
  );
};

const sprintViewFromRecord = (r: SprintRecord): SprintView =>
  sprintViewOf(
    {
      exists: true,
      sprintId: r.id,
      name: r.name,
      goal: r.goal,
      startDate: r.start_date,
      endDate: r.end_date,
      capacity: r.capacity,
      state: r.state,
    },
    r.version,
    totalsOf(r),
  );

/** Sprints of a workspace from the read models, newest first, with their totals. */
export const readSprintViews = async (
  db: Queryable,
  workspaceId: string,
  where: { sprintId?: string; state?: ExistingSprint['state'] },
): Promise<SprintView[]> =>
  (await readSprintRecords(db, workspaceId, where)).map(sprintViewFromRecord);

/** A page of `limit` sprints, newest first, after `cursor` when given. */
export const readSprintPage = async (
  db: Queryable,
  workspaceId: string,
  where: { state?: ExistingSprint['state'] },
  { limit, cursor }: { limit: number; cursor: string | undefined },
): Promise<SprintList> => {
  const after = cursor === undefined ? undefined : sprintCursor.decode(cursor);
  const records = await readSprintRecords(db, workspaceId, { ...where, after }, limit + 1);
  const page = records.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(sprintViewFromRecord),
    nextCursor:
      records.length > limit && last
        ? sprintCursor.encode([last.start_date, last.created_at, last.id])
        : null,
  };
};

type SprintItemRecord = {
  id: string;
  title: string;
  kind: SprintItemView['kind'];
  estimate: number | null;
  status: BacklogItemStatus;
  acceptance_criteria: SprintItemView['acceptanceCriteria'];
  ready: boolean;
};

const columnOf = (status: BacklogItemStatus): SprintBoardColumn | null => {
  switch (status) {
    case 'todo':
    case 'in_progress':
    case 'in_review':
    case 'done':
      return status;
    case 'accepted':
    case 'released':
      return 'accepted';
    case 'backlog':
      return null;
  }
};

/** The sprint's items by board column, in backlog order. */
export const readSprintBoard = async (
  db: Queryable,
  workspaceId: string,
  sprintId: string,
): Promise<SprintBoard> => {
  const records = await db.query<SprintItemRecord[]>(
    `SELECT id, title, kind, estimate::float8 AS estimate, status, acceptance_criteria, ready
     FROM backlog_items WHERE workspace_id = $1 AND sprint_id = $2
     ORDER BY rank COLLATE "C", id`,
    [workspaceId, sprintId],
  );
  const board: SprintBoard = { todo: [], in_progress: [], in_review: [], done: [], accepted: [] };
  for (const r of records) {
    const column = columnOf(r.status);
    if (column === null) continue;
    board[column].push({
      id: r.id,
      title: r.title,
      kind: r.kind,
      estimate: r.estimate,
      status: r.status,
      acceptanceCriteria: r.acceptance_criteria,
      ready: r.ready,
    });
  }
  return board;
};
