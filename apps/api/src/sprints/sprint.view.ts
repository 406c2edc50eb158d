import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AcceptanceCriterion,
  ActionForbidden,
  BacklogItemKind,
  Capacity,
  IsoDate,
  SprintGoal,
  SprintName,
  isStaff,
  sprintStates,
  workStates,
  type Actor,
  type BacklogItemStatus,
  type ExistingSprint,
  type SprintBoard,
  type SprintBoardColumn,
  type SprintDetail,
  type SprintItemView,
  type SprintView,
} from '@chorus/domain';

/** Sprints are the team's planning: teammates only, reads included. */
export const assertStaffReader = (actor: Actor): void => {
  if (!isStaff(actor)) throw new ActionForbidden('Only a teammate can see sprints.');
};

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

export const SprintListSchema = z.object({ items: z.array(SprintViewSchema) });
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
};

/** Sprints of a workspace from the read models, newest first, with their totals. */
export const readSprintViews = async (
  db: Queryable,
  workspaceId: string,
  where: { sprintId?: string; state?: ExistingSprint['state'] },
): Promise<SprintView[]> => {
  const params: unknown[] = [workspaceId];
  const conditions = ['s.workspace_id = $1'];
  if (where.sprintId !== undefined) {
    params.push(where.sprintId);
    conditions.push(`s.id = $${params.length}`);
  }
  if (where.state !== undefined) {
    params.push(where.state);
    conditions.push(`s.state = $${params.length}`);
  }
  const records = await db.query<SprintRecord[]>(
    `SELECT s.id, s.name, s.goal, s.start_date::text AS start_date, s.end_date::text AS end_date,
       s.capacity::float8 AS capacity, s.state, s.version, t.item_count, t.planned_points, t.accepted_points
     FROM sprints s
     LEFT JOIN LATERAL (
       SELECT ${TOTALS} FROM backlog_items b WHERE b.workspace_id = s.workspace_id AND b.sprint_id = s.id
     ) t ON true
     WHERE ${conditions.join(' AND ')}
     ORDER BY s.start_date DESC, s.created_at DESC, s.id`,
    params,
  );
  return records.map((r) =>
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
    ),
  );
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
