import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';
import type { SubmitFeedbackInput, SubmittedFeedback } from '@chorus/domain';

export class SubmitFeedbackCommand extends Command<{ status: number; body: SubmittedFeedback }> {
  constructor(
    readonly input: SubmitFeedbackInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
