import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';
import type { SubmittedFeedback } from '@chorus/domain';

export class SubmitFeedbackCommand extends Command<{ status: number; body: SubmittedFeedback }> {
  constructor(
    readonly input: { title: string; description?: string; boardId?: string },
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
