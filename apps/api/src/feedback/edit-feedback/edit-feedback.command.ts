import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class EditFeedbackCommand extends Command<{ id: string; version: number }> {
  constructor(
    readonly feedbackId: string,
    readonly changes: { title?: string; description?: string; boardId?: string },
    readonly expectedVersion: number,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
