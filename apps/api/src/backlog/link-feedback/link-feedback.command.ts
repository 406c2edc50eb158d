import { Command } from '@nestjs/cqrs';
import type { BacklogItemChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class LinkFeedbackCommand extends Command<BacklogItemChanged> {
  constructor(
    readonly kind: 'LinkFeedback' | 'UnlinkFeedback',
    readonly itemId: string,
    readonly feedbackId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
