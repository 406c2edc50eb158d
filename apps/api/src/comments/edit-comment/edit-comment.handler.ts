import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { commentStreamId, decideEditComment, isStaff, type CommentView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { requireTeammates } from '../../teammates/teammates';
import { changeComment, commentViewFromHistory } from '../comment-stream';
import { EditCommentCommand } from './edit-comment.command';

@CommandHandler(EditCommentCommand)
export class EditCommentHandler implements ICommandHandler<EditCommentCommand> {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  async execute({ commentId, input, actor, context }: EditCommentCommand): Promise<CommentView> {
    const { history } = await changeComment(
      this.store,
      commentStreamId(commentId),
      async (state) => {
        // Existence and authorship first (404, 403), then who may be mentioned (422).
        const events = decideEditComment(
          { type: 'EditComment', commentId, ...input, actor },
          state,
        );
        for (const event of events) {
          if (event.type === 'CommentEdited') {
            await requireTeammates(this.db, actor.workspaceId, event.data.mentions);
          }
        }
        return events;
      },
      actor,
      context,
    );
    return commentViewFromHistory(this.db, actor, history, isStaff(actor));
  }
}
