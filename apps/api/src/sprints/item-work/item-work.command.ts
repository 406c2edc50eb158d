import { Command } from '@nestjs/cqrs';
import type { AcceptItem, ChangeWorkState, RejectItem, SprintItemChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export type ItemWork =
  Omit<ChangeWorkState, 'actor'> | Omit<AcceptItem, 'actor'> | Omit<RejectItem, 'actor'>;

/** Work on an item of a sprint: a move on the board, or the Product Owner's verdict. */
export class ItemWorkCommand extends Command<SprintItemChanged> {
  constructor(
    readonly work: ItemWork,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
