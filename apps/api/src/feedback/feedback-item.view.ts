import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { DataSource } from 'typeorm';
import { feedbackListRowFromRecord, type FeedbackListRecord } from '@chorus/event-store';
import { FeedbackStatus, type FeedbackItem } from '@chorus/domain';

export const FeedbackItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().describe('Markdown'),
  boardId: z.string(),
  authorId: z.string(),
  status: FeedbackStatus,
  voteCount: z.number().int().describe('Votes standing now'),
  voterCount: z.number().int().describe('Distinct people who have ever voted'),
  votedByMe: z.boolean(),
  version: z.number().int().describe('Send it back as If-Match to edit'),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
}) satisfies z.ZodType<FeedbackItem>;
export class FeedbackItemDto extends createZodDto(FeedbackItemSchema) {}

export type FeedbackItemRecord = FeedbackListRecord & { voted_by_me: boolean };

/** Columns of one inbox item as the reader sees it; `$1` is the reader's id. */
export const FEEDBACK_ITEM_SELECT = `
  SELECT f.feedback_id, f.workspace_id, f.title, f.description, f.board_id, f.author_id, f.status, f.vote_count,
    f.voter_count, f.version, f.created_at, f.last_activity_at, (b.voter_id IS NOT NULL) AS voted_by_me
  FROM feedback_list f
  LEFT JOIN feedback_ballots b ON b.feedback_id = f.feedback_id AND b.voter_id = $1`;

export const toFeedbackItem = (record: FeedbackItemRecord): FeedbackItem => {
  // The workspace is the reader's own: not repeated in the item.
  const { feedbackId, workspaceId, ...row } = feedbackListRowFromRecord(record);
  return { id: feedbackId, ...row, votedByMe: record.voted_by_me };
};

export const findFeedbackItem = async (
  db: DataSource,
  workspaceId: string,
  readerId: string,
  feedbackId: string,
): Promise<FeedbackItem | null> => {
  const rows = await db.query<FeedbackItemRecord[]>(
    `${FEEDBACK_ITEM_SELECT} WHERE f.workspace_id = $2 AND f.feedback_id = $3`,
    [readerId, workspaceId, feedbackId],
  );
  return rows[0] ? toFeedbackItem(rows[0]) : null;
};

export const FeedbackIdParamSchema = z.object({ id: z.uuid('Feedback id must be a UUID.') });
export class FeedbackIdParam extends createZodDto(FeedbackIdParamSchema) {}
