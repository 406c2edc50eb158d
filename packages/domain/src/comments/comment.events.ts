import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const COMMENT_BODY_MAX = 10_000;
export const CommentBody = z
  .string()
  .trim()
  .min(1, 'A comment must not be empty.')
  .max(COMMENT_BODY_MAX, `A comment must be at most ${COMMENT_BODY_MAX} characters of markdown.`);
export const CommentVisibility = z.enum(['public', 'internal']);
export const Mentions = z.array(z.string().min(1)).max(20, 'Mention at most 20 teammates.');

export const CommentPostedV1 = defineEvent(
  'CommentPosted',
  1,
  z.object({
    commentId: z.uuid(),
    feedbackId: z.uuid(),
    /** The top-level comment this replies to; replies go one level deep. */
    parentId: z.uuid().nullable(),
    authorId: z.string().min(1),
    /** Whether a teammate wrote it: a public staff comment answers the feedback. */
    byStaff: z.boolean(),
    visibility: CommentVisibility,
    body: CommentBody,
    mentions: Mentions,
  }),
);
export const CommentEditedV1 = defineEvent(
  'CommentEdited',
  1,
  z.object({ commentId: z.uuid(), feedbackId: z.uuid(), body: CommentBody, mentions: Mentions }),
);
export const CommentDeletedV1 = defineEvent(
  'CommentDeleted',
  1,
  z.object({ commentId: z.uuid(), feedbackId: z.uuid() }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type CommentEvent =
  | { type: 'CommentPosted'; data: DataOf<typeof CommentPostedV1> }
  | { type: 'CommentEdited'; data: DataOf<typeof CommentEditedV1> }
  | { type: 'CommentDeleted'; data: DataOf<typeof CommentDeletedV1> };

export const commentEventDefinitions = [CommentPostedV1, CommentEditedV1, CommentDeletedV1];
