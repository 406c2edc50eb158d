import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commentStreamId, decideDeleteComment } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { changeComment } from '../comment-stream';
import { DeleteCommentCommand } from './delete-comment.command';

@CommandHandler(DeleteCommentCommand)
export class DeleteCommentHandler implements ICommandHandler<DeleteCommentCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ commentId, actor, context }: DeleteCommentCommand): Promise<void> {
    await changeComment(
      this.store,
      commentStreamId(commentId),
      (state) => decideDeleteComment({ type: 'DeleteComment', commentId, actor }, state),
      actor,
      context,
    );
  }
}
