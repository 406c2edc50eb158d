import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { DataSource } from 'typeorm';
import {
  FEEDBACK_LIST_COLUMNS,
  feedbackListRowFromRecord,
  type FeedbackListRecord,
} from '@chorus/event-store';
import { feedbackSources, moderationStates, statusKinds, type FeedbackItem } from '@chorus/domain';
import { followsSql } from '../follow/followers';

export const FeedbackItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().describe('Markdown'),
  boardId: z.string(),
  categoryId: z.string().nullable(),
  authorId: z.string().describe('Who asked: the customer when a teammate captured it for one'),
  capturedBy: z.string().nullable().describe('The teammate who recorded it for the author'),
  source: z.enum(feedbackSources),
  quote: z.string().nullable(),
  status: z.string().describe("A status id of the workspace's workflow"),
  statusKind: z.enum(statusKinds),
  tags: z.array(z.string()),
  moderation: z.enum(moderationStates),
  spam: z.boolean(),
  mergedInto: z.uuid().nullable().describe('Set while merged into another item: go there'),
  duplicateCount: z.number().int(),
  voteCount: z
    .number()
    .int()
    .describe('Distinct people voting now on it or on a duplicate merged into it'),
  revenueCents: z
    .number()
    .int()
    .describe('Sum of MRR of the distinct companies of those voters, in cents'),
  commentCount: z.number().int(),
  firstResponseAt: z.iso.datetime().nullable(),
  recentVotes: z.number().int().describe('Votes of the last 7 days, the trending sort'),
  votedByMe: z.boolean(),
  following: z
    .boolean()
    .describe('Whether you follow it: as its author, a voter or by choice; unfollowing wins'),
  version: z.number().int().describe('Send it back as If-Match to edit'),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
}) satisfies z.ZodType<FeedbackItem>;
export class FeedbackItemDto extends createZodDto(FeedbackItemSchema) {}

export type FeedbackItemRecord = FeedbackListRecord & {
  voted_by_me: boolean;
  following: boolean;
  recent_votes: number;
};

/** Distinct voters of the last 7 days on an item and its duplicates. */
export const RECENT_VOTES = `(
  SELECT count(DISTINCT rb.voter_id)::int FROM feedback_ballots rb
  WHERE rb.voted_at > now() - interval '7 days'
    AND (rb.feedback_id = f.feedback_id
      OR rb.feedback_id IN (SELECT d.feedback_id FROM feedback_list d WHERE d.merged_into = f.feedback_id)))`;

/** Columns of one inbox item as the reader sees it; `$1` is the reader's id. */
export const FEEDBACK_ITEM_SELECT = `
  SELECT ${FEEDBACK_LIST_COLUMNS.split(',')
    .map((c) => `f.${c.trim()}`)
    .join(', ')},
    (b.voter_id IS NOT NULL) AS voted_by_me,
    ${followsSql('f.workspace_id', 'f.feedback_id', '$1')} AS following,
    ${RECENT_VOTES} AS recent_votes
  FROM feedback_list f
  LEFT JOIN feedback_ballots b ON b.feedback_id = f.feedback_id AND b.voter_id = $1`;

export const toFeedbackItem = (record: FeedbackItemRecord): FeedbackItem => {
  // The workspace is the reader's own: not repeated in the item.
  const { feedbackId, workspaceId, ...row } = feedbackListRowFromRecord(record);
  return {
    id: feedbackId,
    ...row,
    votedByMe: record.voted_by_me,
    following: record.following,
    recentVotes: record.recent_votes,
  };
};

/**
 * One item, as the reader may see it: customers never see spam, rejected or another
 * customer's pending post (the caller also hides private boards from them).
 */
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
