import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { DataSource } from 'typeorm';
import {
  InitiativeDescription,
  InitiativeTitle,
  InitiativeVisibility,
  Quarter,
  RoadmapLane,
  noProgress,
  progressByInitiative,
  type InitiativeChanged,
  type InitiativeInput,
  type InitiativeView,
  type ProgressItem,
  type PublicInitiativeView,
  type PublicRoadmapView,
  type Roadmap,
  type RoadmapView,
} from '@chorus/domain';

export const InitiativeIdParamSchema = z.object({ id: z.uuid('Initiative id must be a UUID.') });
export class InitiativeIdParam extends createZodDto(InitiativeIdParamSchema) {}

export const InitiativeInputSchema = z
  .object({
    title: InitiativeTitle,
    description: InitiativeDescription.optional().describe('Markdown'),
    lane: RoadmapLane,
    quarter: Quarter.nullable().optional().describe('Like 2027-Q1; null while unscheduled'),
    visibility: InitiativeVisibility.optional().describe('internal unless said otherwise'),
  })
  .strict() satisfies z.ZodType<InitiativeInput>;
export class InitiativeInputDto extends createZodDto(InitiativeInputSchema) {}

export const InitiativeChangedSchema = z.object({
  id: z.uuid(),
  version: z.number().int().describe('The new ETag'),
}) satisfies z.ZodType<InitiativeChanged>;
export class InitiativeChangedDto extends createZodDto(InitiativeChangedSchema) {}

const ProgressSchema = z.object({
  itemCount: z.number().int(),
  doneItemCount: z.number().int().describe('Accepted or released items'),
  points: z.number(),
  donePoints: z.number(),
  percent: z.number().int().describe('By points while any item is estimated, else by items'),
});

export const InitiativeViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  lane: RoadmapLane,
  quarter: z.string().nullable(),
  visibility: InitiativeVisibility,
  progress: ProgressSchema,
  version: z.number().int().describe('The ETag to send as If-Match'),
}) satisfies z.ZodType<InitiativeView>;
export class InitiativeViewDto extends createZodDto(InitiativeViewSchema) {}

const roadmapSchema = <I extends z.ZodType>(initiative: I) =>
  z.object({
    lanes: z.object({
      now: z.array(initiative),
      next: z.array(initiative),
      later: z.array(initiative),
    }),
    quarters: z
      .array(z.object({ quarter: z.string(), initiatives: z.array(initiative) }))
      .describe('The timeline, earliest quarter first'),
    unscheduled: z.array(initiative).describe('Initiatives without a quarter'),
  });

export const RoadmapViewSchema = roadmapSchema(
  InitiativeViewSchema,
) satisfies z.ZodType<RoadmapView>;
export class RoadmapViewDto extends createZodDto(RoadmapViewSchema) {}

const PublicInitiativeViewSchema = InitiativeViewSchema.pick({
  id: true,
  title: true,
  description: true,
  lane: true,
  quarter: true,
}).extend({
  progress: ProgressSchema.pick({ percent: true }),
}) satisfies z.ZodType<PublicInitiativeView>;
export const PublicRoadmapViewSchema = roadmapSchema(PublicInitiativeViewSchema).extend({
  workspace: z.object({ name: z.string(), slug: z.string() }),
}) satisfies z.ZodType<PublicRoadmapView>;
export class PublicRoadmapViewDto extends createZodDto(PublicRoadmapViewSchema) {}

/** An initiative's own facts, from the read model or folded from its stream. */
export type InitiativeFacts = Omit<InitiativeView, 'progress'>;

/** Views of initiatives, in their order, with their progress from the workspace's backlog items. */
export const initiativeViewsOf = (
  initiatives: readonly InitiativeFacts[],
  items: readonly ProgressItem[],
): InitiativeView[] => {
  const progress = progressByInitiative(items);
  return initiatives.map((i) => ({
    id: i.id,
    title: i.title,
    description: i.description,
    lane: i.lane,
    quarter: i.quarter,
    visibility: i.visibility,
    progress: progress.get(i.id) ?? { ...noProgress },
    version: i.version,
  }));
};

/** The workspace's live initiatives, oldest first, with their progress. */
export const readInitiatives = async (
  db: Pick<DataSource, 'query'>,
  workspaceId: string,
  where: { initiativeId?: string; publicOnly?: boolean } = {},
): Promise<InitiativeView[]> => {
  const params: unknown[] = [workspaceId];
  const conditions = ['i.workspace_id = $1', 'NOT i.archived'];
  if (where.initiativeId !== undefined) {
    params.push(where.initiativeId);
    conditions.push(`i.id = $${params.length}`);
  }
  if (where.publicOnly) conditions.push(`i.visibility = 'public'`);
  const [initiatives, items] = await Promise.all([
    db.query<InitiativeFacts[]>(
      `SELECT i.id, i.title, i.description, i.lane, i.quarter, i.visibility, i.version
       FROM initiatives i WHERE ${conditions.join(' AND ')}
       ORDER BY i.created_at, i.id`,
      params,
    ),
    db.query<ProgressItem[]>(
      `SELECT id, kind, parent_id AS "parentId", initiative_id AS "initiativeId", status,
         estimate::float8 AS estimate
       FROM backlog_items WHERE workspace_id = $1`,
      [workspaceId],
    ),
  ]);
  return initiativeViewsOf(initiatives, items);
};

/** The same initiatives by lane, and along the quarter timeline (quarters sort as text). */
export const roadmapOf = <I extends { lane: InitiativeView['lane']; quarter: string | null }>(
  initiatives: readonly I[],
): Roadmap<I> => {
  const quarters = [
    ...new Set(initiatives.flatMap((i) => (i.quarter === null ? [] : [i.quarter]))),
  ].sort();
  const inLane = (lane: InitiativeView['lane']) => initiatives.filter((i) => i.lane === lane);
  return {
    lanes: { now: inLane('now'), next: inLane('next'), later: inLane('later') },
    quarters: quarters.map((quarter) => ({
      quarter,
      initiatives: initiatives.filter((i) => i.quarter === quarter),
    })),
    unscheduled: initiatives.filter((i) => i.quarter === null),
  };
};

/** What the public sees of an initiative: no visibility, version or internal figures. */
export const publicInitiative = (i: InitiativeView): PublicInitiativeView => ({
  id: i.id,
  title: i.title,
  description: i.description,
  lane: i.lane,
  quarter: i.quarter,
  progress: { percent: i.progress.percent },
});
