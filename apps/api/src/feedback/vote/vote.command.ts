import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class VoteCommand extends Command<{ feedbackId: string; voted: boolean }> {
  constructor(
    readonly kind: 'CastVote' | 'WithdrawVote',
    readonly feedbackId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
