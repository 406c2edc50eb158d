import { Command } from '@nestjs/cqrs';
import type { CommentView, EditCommentInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class EditCommentCommand extends Command<CommentView> {
  constructor(
    readonly commentId: string,
    readonly input: EditCommentInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
