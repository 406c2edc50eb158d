import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class DeleteCommentCommand extends Command<void> {
  constructor(
    readonly commentId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
