import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { OnBehalfOfInput } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class VoteCommand extends Command<{ feedbackId: string; voted: boolean }> {
  constructor(
    readonly kind: 'CastVote' | 'WithdrawVote',
    readonly feedbackId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    readonly onBehalfOf?: OnBehalfOfInput,
  ) {
    super();
  }
}
