import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { DataSource, EntityManager } from 'typeorm';
import {
  backlogItemKindNames,
  backlogItemStatusNames,
  whyNotReady,
  type BacklogChildSummary,
  type BacklogItemChanged,
  type BacklogItemKindName,
  type BacklogItemStatusName,
  type BacklogItemView,
  type Criterion,
  type LinkedFeedbackSummary,
} from '@chorus/domain';

export const BacklogItemIdParamSchema = z.object({ id: z.uuid('Backlog item id must be a UUID.') });
export class BacklogItemIdParam extends createZodDto(BacklogItemIdParamSchema) {}

const AcceptanceCriterionViewSchema = z.object({
  id: z.uuid(),
  given: z.string(),
  when: z.string(),
  then: z.string(),
  met: z.boolean().describe('Checked off by the Product Owner'),
});

const LinkedFeedbackSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string().describe("A status id of the workspace's feedback workflow"),
  voteCount: z.number().int(),
  revenueCents: z
    .number()
    .int()
    .optional()
    .describe('Sum of MRR of the distinct companies of its voters, in cents'),
}) satisfies z.ZodType<LinkedFeedbackSummary>;

export const BacklogChildSchema = z.object({
  id: z.uuid(),
  kind: z.enum(backlogItemKindNames),
  title: z.string(),
  status: z.enum(backlogItemStatusNames),
  estimate: z.number().nullable(),
  rank: z.string(),
}) satisfies z.ZodType<BacklogChildSummary>;

export const BacklogItemViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(backlogItemKindNames),
  parentId: z.uuid().nullable().describe("A story's epic, a task's story"),
  title: z.string(),
  description: z.string().describe('Markdown'),
  acceptanceCriteria: z.array(AcceptanceCriterionViewSchema).describe('In order'),
  estimate: z.number().nullable().describe('Story points'),
  labels: z.array(z.string()),
  ownerId: z.string().nullable(),
  rank: z.string().describe('Fractional-indexing key: sort by it in byte order, then by id'),
  status: z.enum(backlogItemStatusNames),
  sprintId: z.uuid().nullable(),
  initiativeId: z.uuid().nullable(),
  releaseId: z.uuid().nullable(),
  ready: z.boolean().describe('Definition of Ready: it has acceptance criteria and an estimate'),
  notReadyReason: z.string().nullable(),
  feedback: z.array(LinkedFeedbackSchema).describe('The feedback it answers, most votes first'),
  children: z.array(BacklogChildSchema).describe('Stories of an epic, tasks of a story, by rank'),
  version: z.number().int().describe('Send it back as If-Match to edit'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) satisfies z.ZodType<BacklogItemView>;
export class BacklogItemViewDto extends createZodDto(BacklogItemViewSchema) {}

export const BacklogItemChangedSchema = z.object({
  id: z.uuid(),
  version: z.number().int().describe('The new version: the ETag to send as If-Match next'),
}) satisfies z.ZodType<BacklogItemChanged>;
export class BacklogItemChangedDto extends createZodDto(BacklogItemChangedSchema) {}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** A row of `backlog_items` as selected by BACKLOG_ITEM_SELECT. */
export type BacklogItemRecord = {
  id: string;
  kind: BacklogItemKindName;
  parent_id: string | null;
  title: string;
  description: string;
  acceptance_criteria: Criterion[];
  estimate: number | null;
  labels: string[];
  owner_id: string | null;
  rank: string;
  status: BacklogItemStatusName;
  sprint_id: string | null;
  initiative_id: string | null;
  release_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export const BACKLOG_ITEM_SELECT = `
  SELECT b.id, b.kind, b.parent_id, b.title, b.description, b.acceptance_criteria,
    b.estimate::float8 AS estimate, b.labels, b.owner_id, b.rank, b.status, b.sprint_id,
    b.initiative_id, b.release_id, b.version, b.created_at, b.updated_at
  FROM backlog_items b`;

/** The facts a view is made of, from the read model or from a decision just taken. */
export type BacklogItemFacts = Omit<BacklogItemView, 'ready' | 'notReadyReason'>;

export const toBacklogItemView = (facts: BacklogItemFacts): BacklogItemView => {
  const notReadyReason = whyNotReady(facts);
  return { ...facts, ready: notReadyReason === null, notReadyReason };
};

type FeedbackSummaryRecord = {
  id: string;
  title: string;
  status: string;
  vote_count: number;
  revenue_cents: string;
};

const FEEDBACK_SUMMARY_COLUMNS = `f.feedback_id AS id, f.title, f.status, f.vote_count, f.revenue_cents`;

const toFeedbackSummary = ({
  vote_count,
  revenue_cents,
  ...summary
}: FeedbackSummaryRecord): LinkedFeedbackSummary => ({
  ...summary,
  voteCount: vote_count,
  revenueCents: Number(revenue_cents),
});

/** Summaries of the feedback that items answer, as the inbox counts its demand. */
export const linkedFeedbackOf = async (
  db: Queryable,
  workspaceId: string,
  itemIds: readonly string[],
): Promise<Map<string, LinkedFeedbackSummary[]>> => {
  const rows = await db.query<(FeedbackSummaryRecord & { item_id: string })[]>(
    `SELECT l.item_id, ${FEEDBACK_SUMMARY_COLUMNS}
     FROM backlog_item_feedback l JOIN feedback_list f ON f.feedback_id = l.feedback_id
     WHERE l.workspace_id = $1 AND l.item_id = ANY($2::uuid[]) AND f.workspace_id = $1`,
    [workspaceId, itemIds],
  );
  const byItem = new Map<string, LinkedFeedbackSummary[]>();
  for (const { item_id, ...record } of rows) {
    byItem.set(item_id, [...(byItem.get(item_id) ?? []), toFeedbackSummary(record)]);
  }
  return byItem;
};

/** Summaries of the given feedback, before the backlog read model knows they are linked. */
export const feedbackSummaries = async (
  db: Queryable,
  workspaceId: string,
  feedbackIds: readonly string[],
): Promise<LinkedFeedbackSummary[]> => {
  if (feedbackIds.length === 0) return [];
  const rows = await db.query<FeedbackSummaryRecord[]>(
    `SELECT ${FEEDBACK_SUMMARY_COLUMNS} FROM feedback_list f
     WHERE f.workspace_id = $1 AND f.feedback_id = ANY($2::uuid[])
     ORDER BY f.vote_count DESC, f.feedback_id`,
    [workspaceId, feedbackIds],
  );
  return rows.map(toFeedbackSummary);
};

const childrenOf = async (
  db: Queryable,
  workspaceId: string,
  itemIds: readonly string[],
): Promise<Map<string, BacklogChildSummary[]>> => {
  const rows = await db.query<(BacklogChildSummary & { parent_id: string })[]>(
    `SELECT id, parent_id, kind, title, status, estimate::float8 AS estimate, rank
     FROM backlog_items WHERE workspace_id = $1 AND parent_id = ANY($2::uuid[])`,
    [workspaceId, itemIds],
  );
  const byParent = new Map<string, BacklogChildSummary[]>();
  for (const { parent_id, ...child } of rows) {
    byParent.set(parent_id, [...(byParent.get(parent_id) ?? []), child]);
  }
  return byParent;
};

// Ids compare as Postgres compares uuids; ranks are ASCII, so this is their byte order too.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most votes first: how an item lists the feedback it answers. */
const mostVotesFirst = (a: LinkedFeedbackSummary, b: LinkedFeedbackSummary): number =>
  b.voteCount - a.voteCount || byText(a.id, b.id);

/** The backlog's order: by rank, then id. */
const byRank = (a: BacklogChildSummary, b: BacklogChildSummary): number =>
  byText(a.rank, b.rank) || byText(a.id, b.id);

/**
 * Views of backlog rows, in their order, with the feedback each answers and its children: the
 * one way a view is made, whether the rows come from the read model or from the log as of a
 * past moment.
 */
export const backlogItemViewsOf = (
  records: readonly BacklogItemRecord[],
  feedback: ReadonlyMap<string, LinkedFeedbackSummary[]>,
  children: ReadonlyMap<string, BacklogChildSummary[]>,
): BacklogItemView[] =>
  records.map((r) =>
    toBacklogItemView({
      id: r.id,
      kind: r.kind,
      parentId: r.parent_id,
      title: r.title,
      description: r.description,
      acceptanceCriteria: r.acceptance_criteria,
      estimate: r.estimate,
      labels: r.labels,
      ownerId: r.owner_id,
      rank: r.rank,
      status: r.status,
      sprintId: r.sprint_id,
      initiativeId: r.initiative_id,
      releaseId: r.release_id,
      feedback: [...(feedback.get(r.id) ?? [])].sort(mostVotesFirst),
      children: [...(children.get(r.id) ?? [])].sort(byRank),
      version: r.version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }),
  );

/** Views of read-model rows, in their order, with their feedback and children. */
export const toBacklogItemViews = async (
  db: Queryable,
  workspaceId: string,
  records: readonly BacklogItemRecord[],
): Promise<BacklogItemView[]> => {
  const ids = records.map((r) => r.id);
  const [feedback, children] = await Promise.all([
    linkedFeedbackOf(db, workspaceId, ids),
    childrenOf(db, workspaceId, ids),
  ]);
  return backlogItemViewsOf(records, feedback, children);
};

/** One item of the workspace from the read model, or null. */
export const findBacklogItem = async (
  db: Queryable,
  workspaceId: string,
  itemId: string,
): Promise<BacklogItemView | null> => {
  const records = await db.query<BacklogItemRecord[]>(
    `${BACKLOG_ITEM_SELECT} WHERE b.workspace_id = $1 AND b.id = $2`,
    [workspaceId, itemId],
  );
  const [view] = await toBacklogItemViews(db, workspaceId, records);
  return view ?? null;
};
