import { isStaff, type Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid } from '../shared/valid';
import type { Feedback } from '../feedback/feedback';
import { CommentBody, CommentVisibility, Mentions, type CommentEvent } from './comment.events';

export type Comment =
  | { exists: false }
  | {
      exists: true;
      commentId: string;
      feedbackId: string;
      parentId: string | null;
      authorId: string;
      visibility: 'public' | 'internal';
      body: string;
      deleted: boolean;
    };

export type PostComment = {
  type: 'PostComment';
  commentId: string;
  feedbackId: string;
  parentId?: string;
  visibility?: 'public' | 'internal';
  body: string;
  /** Teammate ids; the API checks they are teammates of the workspace. */
  mentions?: string[];
  actor: Actor;
};
export type EditComment = {
  type: 'EditComment';
  commentId: string;
  body: string;
  mentions?: string[];
  actor: Actor;
};
export type DeleteComment = { type: 'DeleteComment'; commentId: string; actor: Actor };

export const initialComment = (): Comment => ({ exists: false });

export const evolveComment = (state: Comment, event: CommentEvent): Comment => {
  switch (event.type) {
    case 'CommentPosted':
      return {
        exists: true,
        commentId: event.data.commentId,
        feedbackId: event.data.feedbackId,
        parentId: event.data.parentId,
        authorId: event.data.authorId,
        visibility: event.data.visibility,
        body: event.data.body,
        deleted: false,
      };
    case 'CommentEdited':
      return state.exists ? { ...state, body: event.data.body } : state;
    case 'CommentDeleted':
      return state.exists ? { ...state, deleted: true } : state;
  }
};

const uniqueMentions = (mentions: readonly string[] | undefined) =>
  valid(Mentions, [...new Set(mentions ?? [])], 'mentions');

/** `parent` is the comment replied to (folded from its own stream), if any. */
export const decidePostComment = (
  command: PostComment,
  feedback: Feedback,
  parent: Comment | undefined,
): CommentEvent[] => {
  if (!feedback.exists) throw new AggregateNotFound('Feedback', command.feedbackId);
  const staff = isStaff(command.actor);
  const visibility = valid(CommentVisibility, command.visibility ?? 'public', 'visibility');
  if (visibility === 'internal' && !staff) {
    throw new ActionForbidden('Only teammates can write internal comments.');
  }
  if (command.parentId !== undefined) {
    if (!parent?.exists || parent.feedbackId !== command.feedbackId) {
      throw new DomainRuleViolation(
        'The comment you reply to is not on this feedback.',
        'parentId',
      );
    }
    if (parent.parentId !== null) {
      throw new DomainRuleViolation(
        'Replies go one level deep: reply to the comment at the top of the thread.',
        'parentId',
      );
    }
    if (parent.deleted) {
      throw new DomainRuleViolation('The comment you reply to was deleted.', 'parentId');
    }
    if (parent.visibility === 'internal' && visibility === 'public') {
      throw new DomainRuleViolation(
        'A reply to an internal comment must be internal too, so the thread stays private.',
        'visibility',
      );
    }
  }
  return [
    {
      type: 'CommentPosted',
      data: {
        commentId: command.commentId,
        feedbackId: command.feedbackId,
        parentId: command.parentId ?? null,
        authorId: command.actor.id,
        byStaff: staff,
        visibility,
        body: valid(CommentBody, command.body, 'body'),
        mentions: uniqueMentions(command.mentions),
      },
    },
  ];
};

const assertAuthor = (command: EditComment | DeleteComment, state: Comment) => {
  if (!state.exists || state.deleted) throw new AggregateNotFound('Comment', command.commentId);
  if (state.authorId !== command.actor.id) {
    throw new ActionForbidden('Only the author can change or delete a comment.');
  }
  return state;
};

export const decideEditComment = (command: EditComment, state: Comment): CommentEvent[] => {
  const comment = assertAuthor(command, state);
  const body = valid(CommentBody, command.body, 'body');
  const mentions = uniqueMentions(command.mentions);
  if (body === comment.body && mentions.length === 0) return [];
  return [
    {
      type: 'CommentEdited',
      data: { commentId: comment.commentId, feedbackId: comment.feedbackId, body, mentions },
    },
  ];
};

export const decideDeleteComment = (command: DeleteComment, state: Comment): CommentEvent[] => {
  const comment = assertAuthor(command, state);
  return [
    {
      type: 'CommentDeleted',
      data: { commentId: comment.commentId, feedbackId: comment.feedbackId },
    },
  ];
};

export const commentStreamId = (commentId: string): string => `comment-${commentId}`;
