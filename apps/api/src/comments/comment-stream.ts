import type { DataSource } from 'typeorm';
import {
  evolveComment,
  initialComment,
  type Comment,
  type CommentEvent,
  type CommentView,
} from '@chorus/domain';
import {
  ConcurrencyConflict,
  type CommandContext,
  type PostgresEventStore,
  type StoredEvent,
} from '@chorus/event-store';
import type { AuthenticatedActor } from '../platform/auth';
import { asDomainEvent } from '../platform/run-decider';
import { namesOf } from '../teammates/people';
import { readCommentThreads } from './comment.view';

const RETRIES = 3;

/**
 * Reads a comment's stream (in the actor's workspace only), decides and appends at the version
 * read; a racing writer makes it decide again on the fresh state. Returns every event of the
 * stream afterwards, with the metadata the view needs (when it was posted and edited).
 */
export const changeComment = async (
  store: PostgresEventStore,
  streamId: string,
  decide: (state: Comment) => CommentEvent[] | Promise<CommentEvent[]>,
  actor: AuthenticatedActor,
  context: CommandContext,
): Promise<{ state: Comment; history: { event: CommentEvent; occurredAt: string }[] }> => {
  for (let attempt = 0; ; attempt++) {
    const stored: StoredEvent[] = await store.readStream(streamId, {
      workspaceId: actor.workspaceId,
    });
    const history = stored.map((e) => ({
      event: asDomainEvent<CommentEvent>(e),
      occurredAt: e.metadata.occurredAt,
    }));
    const state = history.map((h) => h.event).reduce(evolveComment, initialComment());
    const events = await decide(state);
    const occurredAt = new Date().toISOString();
    try {
      await store.append(streamId, stored.length, events, { ...context, occurredAt });
      return {
        state: events.reduce(evolveComment, state),
        history: [...history, ...events.map((event) => ({ event, occurredAt }))],
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
    }
  }
};

/** The view of one comment as its stream says it is now, with its replies from the read model. */
export const commentViewFromHistory = async (
  db: Pick<DataSource, 'query'>,
  actor: AuthenticatedActor,
  history: readonly { event: CommentEvent; occurredAt: string }[],
  staffReader: boolean,
): Promise<CommentView> => {
  const posted = history.find((h) => h.event.type === 'CommentPosted');
  if (posted?.event.type !== 'CommentPosted')
    throw new Error('A comment stream without CommentPosted.');
  const { data } = posted.event;
  let body = data.body;
  let mentions = data.mentions;
  let editedAt: string | null = null;
  for (const { event, occurredAt } of history) {
    if (event.type !== 'CommentEdited') continue;
    body = event.data.body;
    mentions = event.data.mentions;
    editedAt = occurredAt;
  }
  const names = await namesOf(db, actor.workspaceId, [data.authorId, ...mentions]);
  const replies =
    data.parentId === null
      ? await readCommentThreads(
          db,
          { workspaceId: actor.workspaceId, staff: staffReader },
          { parentId: data.commentId },
        )
      : [];
  return {
    id: data.commentId,
    feedbackId: data.feedbackId,
    parentId: data.parentId,
    author: { id: data.authorId, name: names.get(data.authorId) ?? null, staff: data.byStaff },
    visibility: data.visibility,
    body,
    mentions: mentions.map((id) => ({ id, name: names.get(id) ?? null })),
    createdAt: posted.occurredAt,
    editedAt,
    replies,
  };
};
