import { Command } from '@nestjs/cqrs';
import type { BacklogItemChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class SetInitiativeCommand extends Command<BacklogItemChanged> {
  constructor(
    readonly itemId: string,
    readonly initiativeId: string | null,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
