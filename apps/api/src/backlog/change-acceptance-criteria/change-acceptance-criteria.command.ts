import { Command } from '@nestjs/cqrs';
import type { AcceptanceCriterionInput, BacklogItemChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class ChangeAcceptanceCriteriaCommand extends Command<BacklogItemChanged> {
  constructor(
    readonly itemId: string,
    readonly criteria: AcceptanceCriterionInput[],
    readonly expectedVersion: number,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
