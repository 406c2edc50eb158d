import { Command } from '@nestjs/cqrs';
import type { BacklogItemChanged, EditBacklogItemInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class EditBacklogItemCommand extends Command<BacklogItemChanged> {
  constructor(
    readonly itemId: string,
    readonly changes: EditBacklogItemInput,
    readonly expectedVersion: number,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
