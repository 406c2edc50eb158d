import { Command } from '@nestjs/cqrs';
import type { FeedbackStatus } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class ChangeFeedbackStatusCommand extends Command<{
  id: string;
  version: number;
  status: FeedbackStatus;
}> {
  constructor(
    readonly feedbackId: string,
    readonly status: FeedbackStatus,
    readonly expectedVersion: number | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
