import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  commentStreamId,
  decidePostComment,
  evolveComment,
  initialComment,
  isStaff,
  type CommentEvent,
  type CommentView,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import {
  appendActivityNotifications,
  followersToNotify,
  mentionedTeammates,
} from '../../notifications/activity-notifications';
import { asDomainEvent } from '../../platform/run-decider';
import { requireTeammates } from '../../teammates/teammates';
import { readFeedbackFor } from '../feedback-access';
import { PostCommentCommand } from './post-comment.command';

/**
 * A comment is its own stream, so posting never contends with the feedback or other comments.
 * One round trip reads the feedback (as the actor may see it: otherwise it reads as missing, a
 * 404) and the comment replied to. The comment and the notifications of its followers and of the
 * teammates it mentions are appended in one transaction.
 */
@CommandHandler(PostCommentCommand)
export class PostCommentHandler implements ICommandHandler<PostCommentCommand> {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  async execute({ feedbackId, input, actor, context }: PostCommentCommand): Promise<CommentView> {
    const parentStream = input.parentId === undefined ? null : commentStreamId(input.parentId);
    const { feedback, streams } = await readFeedbackFor(
      this.store,
      actor,
      feedbackId,
      parentStream ? [parentStream] : [],
    );
    let parent = parentStream
      ? (streams.get(parentStream) ?? [])
          .map((e) => asDomainEvent<CommentEvent>(e))
          .reduce(evolveComment, initialComment())
      : undefined;
    // To a customer an internal comment does not exist, so it cannot be replied to either.
    if (parent?.exists && parent.visibility === 'internal' && !isStaff(actor)) {
      parent = initialComment();
    }
    const commentId = randomUUID();
    const [posted] = decidePostComment(
      { type: 'PostComment', commentId, feedbackId, ...input, actor },
      feedback,
      parent,
    );
    if (posted?.type !== 'CommentPosted' || !feedback.exists) {
      throw new Error('Posting a comment decided nothing.');
    }
    const { workspaceId } = actor;
    const mentioned = await requireTeammates(this.db, workspaceId, posted.data.mentions);
    const occurredAt = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      const streamId = commentStreamId(commentId);
      await this.store.append(streamId, 0, [posted], { ...context, occurredAt }, tx);
      const { catalog } = await readCatalog(this.store, workspaceId, tx);
      await appendActivityNotifications(
        this.store,
        tx,
        { streamId, version: 1 },
        {
          type: 'CommentPost',
          feedback: { id: feedbackId, title: feedback.title },
          commentId,
          visibility: posted.data.visibility,
          by: actor.id,
          mentioned: await mentionedTeammates(
            tx,
            workspaceId,
            posted.data.mentions,
            posted.data.body,
          ),
        },
        await followersToNotify(tx, workspaceId, feedbackId, [feedback], catalog),
        { ...context, occurredAt },
      );
    });
    this.store.notifyAppended();
    return {
      id: commentId,
      feedbackId,
      parentId: posted.data.parentId,
      author: { id: actor.id, name: actor.name, staff: isStaff(actor) },
      visibility: posted.data.visibility,
      body: posted.data.body,
      mentions: posted.data.mentions.map((id) => ({ id, name: mentioned.get(id)?.name ?? null })),
      createdAt: occurredAt,
      editedAt: null,
      replies: [],
    };
  }
}
