import type { EntityManager } from 'typeorm';
import type { CommentEvent } from '@chorus/domain';
import { searchLanguage, type StoredEvent } from '@chorus/event-store';

type CommentRecord = {
  comment_id: string;
  feedback_id: string;
  workspace_id: string;
  parent_id: string | null;
  author_id: string;
  by_staff: boolean;
  visibility: 'public' | 'internal';
  body: string;
  mentions: string[];
  created_at: string;
  edited_at: string | null;
  deleted: boolean;
};

/** Comments (`feedback_comments`), with their search vector. Returns the feedback items touched. */
export const applyComments = async (
  tx: EntityManager,
  events: readonly StoredEvent[],
): Promise<Set<string>> => {
  const commentEvents = events.filter((e) =>
    e.type.startsWith('Comment'),
  ) as unknown as (StoredEvent & CommentEvent)[];
  if (commentEvents.length === 0) return new Set();
  const ids = [...new Set(commentEvents.map((e) => e.data.commentId))];
  const rows = await tx.query<
    (Omit<CommentRecord, 'created_at' | 'edited_at'> & {
      created_at: Date;
      edited_at: Date | null;
    })[]
  >(
    `SELECT comment_id, feedback_id, workspace_id, parent_id, author_id, by_staff, visibility, body,
       mentions, created_at, edited_at, deleted FROM feedback_comments WHERE comment_id = ANY($1::uuid[])`,
    [ids],
  );
  const comments = new Map<string, CommentRecord>(
    rows.map((r) => [
      r.comment_id,
      {
        ...r,
        created_at: r.created_at.toISOString(),
        edited_at: r.edited_at?.toISOString() ?? null,
      },
    ]),
  );
  for (const event of commentEvents) {
    const before = comments.get(event.data.commentId);
    switch (event.type) {
      case 'CommentPosted':
        comments.set(event.data.commentId, {
          comment_id: event.data.commentId,
          feedback_id: event.data.feedbackId,
          workspace_id: event.workspaceId,
          parent_id: event.data.parentId,
          author_id: event.data.authorId,
          by_staff: event.data.byStaff,
          visibility: event.data.visibility,
          body: event.data.body,
          mentions: event.data.mentions,
          created_at: event.metadata.occurredAt,
          edited_at: null,
          deleted: false,
        });
        break;
      case 'CommentEdited':
        if (before) {
          comments.set(before.comment_id, {
            ...before,
            body: event.data.body,
            mentions: event.data.mentions,
            edited_at: event.metadata.occurredAt,
          });
        }
        break;
      case 'CommentDeleted':
        if (before) comments.set(before.comment_id, { ...before, deleted: true });
        break;
    }
  }
  await tx.query(
    `INSERT INTO feedback_comments (comment_id, feedback_id, workspace_id, parent_id, author_id,
       by_staff, visibility, body, mentions, created_at, edited_at, deleted, search_vector)
     SELECT r.*, to_tsvector($2::regconfig, r.body) FROM jsonb_to_recordset($1::jsonb) AS r(
       comment_id uuid, feedback_id uuid, workspace_id uuid, parent_id uuid, author_id text,
       by_staff boolean, visibility text, body text, mentions text[], created_at timestamptz,
       edited_at timestamptz, deleted boolean)
     ON CONFLICT (comment_id) DO UPDATE SET body = EXCLUDED.body, mentions = EXCLUDED.mentions,
       edited_at = EXCLUDED.edited_at, deleted = EXCLUDED.deleted, search_vector = EXCLUDED.search_vector`,
    [JSON.stringify([...comments.values()]), searchLanguage()],
  );
  return new Set(commentEvents.map((e) => e.data.feedbackId));
};
