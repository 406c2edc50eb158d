import { Command } from '@nestjs/cqrs';
import type { BacklogItemChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class SetBacklogItemFactorsCommand extends Command<BacklogItemChanged> {
  constructor(
    readonly itemId: string,
    readonly factors: Record<string, number>,
    readonly expectedVersion: number | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
