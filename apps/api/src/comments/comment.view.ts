import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { DataSource } from 'typeorm';
import { namesOf } from '../teammates/people';
import {
  COMMENT_BODY_MAX,
  CommentVisibility,
  type CommentList,
  type CommentView,
} from '@chorus/domain';

const CommentViewBase = z.object({
  id: z.uuid(),
  feedbackId: z
    .uuid()
    .describe('The item it was written on: a duplicate merged into this one, perhaps'),
  parentId: z.uuid().nullable(),
  author: z.object({ id: z.string(), name: z.string().nullable(), staff: z.boolean() }),
  visibility: CommentVisibility,
  body: z.string().describe('Markdown; "(deleted)" for a deleted comment that has replies'),
  mentions: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
});
export const CommentViewSchema = CommentViewBase.extend({
  replies: z.array(
    CommentViewBase.extend({ replies: z.array(z.never()).describe('Replies go one level deep') }),
  ),
}) satisfies z.ZodType<CommentView>;
export class CommentViewDto extends createZodDto(CommentViewSchema) {}

export const CommentListSchema = z.object({
  comments: z.array(CommentViewSchema),
}) satisfies z.ZodType<CommentList>;
export class CommentListDto extends createZodDto(CommentListSchema) {}

const MentionIds = z
  .array(z.string().min(1))
  .max(20, 'Mention at most 20 teammates.')
  .describe('Ids of teammates (GET /api/v1/teammates) to notify');
const Body = z
  .string({ error: 'A comment needs a body.' })
  .trim()
  .min(1, 'A comment must not be empty.')
  .max(COMMENT_BODY_MAX, `A comment must be at most ${COMMENT_BODY_MAX} characters of markdown.`)
  .describe('Markdown');

export const PostCommentSchema = z
  .object({
    body: Body,
    visibility: CommentVisibility.optional().describe('internal: teammates only (default public)'),
    parentId: z.uuid('parentId must be the id of a comment.').optional(),
    mentions: MentionIds.optional(),
  })
  .strict();
export class PostCommentDto extends createZodDto(PostCommentSchema) {}

export const EditCommentSchema = z.object({ body: Body, mentions: MentionIds.optional() }).strict();
export class EditCommentDto extends createZodDto(EditCommentSchema) {}

export const CommentIdParamSchema = z.object({ id: z.uuid('Comment id must be a UUID.') });
export class CommentIdParam extends createZodDto(CommentIdParamSchema) {}

/** Shown in place of a deleted comment that still heads a thread of replies. */
export const DELETED_BODY = '(deleted)';

type Queryable = Pick<DataSource, 'query'>;

type CommentRecord = {
  comment_id: string;
  feedback_id: string;
  parent_id: string | null;
  author_id: string;
  by_staff: boolean;
  visibility: 'public' | 'internal';
  body: string;
  mentions: string[];
  created_at: Date;
  edited_at: Date | null;
  deleted: boolean;
};

export type CommentReader = { workspaceId: string; staff: boolean };

/**
 * Threads of comments as the reader may see them, oldest first: on `feedbackId` itself and on
 * every duplicate merged into it (or, with `parentId`, only the replies to that comment).
 * Customers never see internal comments. A deleted comment is left out, unless it heads replies
 * the reader can see: then it stays as a tombstone so the thread keeps its shape.
 */
export const readCommentThreads = async (
  db: Queryable,
  reader: CommentReader,
  where: { feedbackId: string } | { parentId: string },
): Promise<CommentView[]> => {
  const scope =
    'feedbackId' in where
      ? `(c.feedback_id = $3 OR c.feedback_id IN (
           SELECT feedback_id FROM feedback_list WHERE workspace_id = $1 AND merged_into = $3))`
      : `c.parent_id = $3`;
  const records = await db.query<CommentRecord[]>(
    `SELECT c.comment_id, c.feedback_id, c.parent_id, c.author_id, c.by_staff, c.visibility, c.body,
       c.mentions, c.created_at, c.edited_at, c.deleted
     FROM feedback_comments c
     WHERE c.workspace_id = $1 AND ($2 OR c.visibility = 'public') AND ${scope}
     ORDER BY c.created_at, c.comment_id`,
    [reader.workspaceId, reader.staff, 'feedbackId' in where ? where.feedbackId : where.parentId],
  );
  const names = await namesOf(
    db,
    reader.workspaceId,
    records.flatMap((r) => [r.author_id, ...r.mentions]),
  );
  const toView = (r: CommentRecord): CommentView => ({
    id: r.comment_id,
    feedbackId: r.feedback_id,
    parentId: r.parent_id,
    author: { id: r.author_id, name: names.get(r.author_id) ?? null, staff: r.by_staff },
    visibility: r.visibility,
    body: r.deleted ? DELETED_BODY : r.body,
    mentions: r.deleted ? [] : r.mentions.map((id) => ({ id, name: names.get(id) ?? null })),
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    replies: [],
  });
  if ('parentId' in where) return records.filter((r) => !r.deleted).map(toView);

  const replies = new Map<string, CommentView[]>();
  for (const r of records) {
    if (r.parent_id === null || r.deleted) continue;
    replies.set(r.parent_id, [...(replies.get(r.parent_id) ?? []), toView(r)]);
  }
  return records
    .filter((r) => r.parent_id === null && (!r.deleted || replies.has(r.comment_id)))
    .map((r) => ({ ...toView(r), replies: replies.get(r.comment_id) ?? [] }));
};

export const FeedbackIdParamSchema = z.object({ id: z.uuid('Feedback id must be a UUID.') });
export class FeedbackIdParam extends createZodDto(FeedbackIdParamSchema) {}
