import type { FeedbackListRow } from '@chorus/domain';

/** A row of the `feedback_list` table (see the read-model migrations) as `pg` returns it. */
export type FeedbackListRecord = {
  feedback_id: string;
  workspace_id: string;
  title: string;
  description: string;
  board_id: string;
  category_id: string | null;
  author_id: string;
  captured_by: string | null;
  source: FeedbackListRow['source'];
  quote: string | null;
  status: string;
  status_kind: FeedbackListRow['statusKind'];
  tags: string[];
  moderation: FeedbackListRow['moderation'];
  spam: boolean;
  merged_into: string | null;
  duplicate_count: number;
  vote_count: number;
  /** bigint arrives as text from `pg`. */
  revenue_cents: string;
  comment_count: number;
  first_response_at: Date | null;
  version: number;
  created_at: Date;
  last_activity_at: Date;
};

/** The columns of a FeedbackListRecord, for SELECT lists (the search vector is not one of them). */
export const FEEDBACK_LIST_COLUMNS = `feedback_id, workspace_id, title, description, board_id,
  category_id, author_id, captured_by, source, quote, status, status_kind, tags, moderation, spam, merged_into,
  duplicate_count, vote_count, revenue_cents, comment_count, first_response_at, version,
  created_at, last_activity_at`;

export const feedbackListRowFromRecord = (r: FeedbackListRecord): FeedbackListRow => ({
  feedbackId: r.feedback_id,
  workspaceId: r.workspace_id,
  title: r.title,
  description: r.description,
  boardId: r.board_id,
  categoryId: r.category_id,
  authorId: r.author_id,
  capturedBy: r.captured_by,
  source: r.source,
  quote: r.quote,
  status: r.status,
  statusKind: r.status_kind,
  tags: r.tags,
  moderation: r.moderation,
  spam: r.spam,
  mergedInto: r.merged_into,
  duplicateCount: r.duplicate_count,
  voteCount: r.vote_count,
  revenueCents: Number(r.revenue_cents),
  commentCount: r.comment_count,
  firstResponseAt: r.first_response_at?.toISOString() ?? null,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  lastActivityAt: r.last_activity_at.toISOString(),
});

/** The row as written back (timestamps as ISO text, which Postgres parses). */
export const feedbackListRowToRecord = (row: FeedbackListRow) => ({
  feedback_id: row.feedbackId,
  workspace_id: row.workspaceId,
  title: row.title,
  description: row.description,
  board_id: row.boardId,
  category_id: row.categoryId,
  author_id: row.authorId,
  captured_by: row.capturedBy,
  source: row.source,
  quote: row.quote,
  status: row.status,
  status_kind: row.statusKind,
  tags: row.tags,
  moderation: row.moderation,
  spam: row.spam,
  merged_into: row.mergedInto,
  duplicate_count: row.duplicateCount,
  vote_count: row.voteCount,
  revenue_cents: row.revenueCents,
  comment_count: row.commentCount,
  first_response_at: row.firstResponseAt,
  version: row.version,
  created_at: row.createdAt,
  last_activity_at: row.lastActivityAt,
});
