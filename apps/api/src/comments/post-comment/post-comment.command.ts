import { Command } from '@nestjs/cqrs';
import type { CommentView, PostCommentInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class PostCommentCommand extends Command<CommentView> {
  constructor(
    readonly feedbackId: string,
    readonly input: PostCommentInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
