import type { FeedbackListRow } from '@chorus/domain';

/** A row of the `feedback_list` table (see the read-model migration) as `pg` returns it. */
export type FeedbackListRecord = {
  feedback_id: string;
  workspace_id: string;
  title: string;
  description: string;
  board_id: string;
  author_id: string;
  status: FeedbackListRow['status'];
  vote_count: number;
  voter_count: number;
  version: number;
  created_at: Date;
  last_activity_at: Date;
};

export const feedbackListRowFromRecord = (r: FeedbackListRecord): FeedbackListRow => ({
  feedbackId: r.feedback_id,
  workspaceId: r.workspace_id,
  title: r.title,
  description: r.description,
  boardId: r.board_id,
  authorId: r.author_id,
  status: r.status,
  voteCount: r.vote_count,
  voterCount: r.voter_count,
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
  author_id: row.authorId,
  status: row.status,
  vote_count: row.voteCount,
  voter_count: row.voterCount,
  version: row.version,
  created_at: row.createdAt,
  last_activity_at: row.lastActivityAt,
});
