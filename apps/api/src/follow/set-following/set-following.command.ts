import { Command } from '@nestjs/cqrs';
import type { FollowState } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class SetFollowingCommand extends Command<FollowState> {
  constructor(
    readonly kind: 'Follow' | 'Unfollow',
    readonly feedbackId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
