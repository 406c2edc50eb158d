import { Command } from '@nestjs/cqrs';
import type {
  ArchiveInitiative,
  EditInitiative,
  InitiativeChanged,
  MoveInitiative,
} from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export type InitiativeChange =
  Omit<EditInitiative, 'actor'> | Omit<MoveInitiative, 'actor'> | Omit<ArchiveInitiative, 'actor'>;

export class ChangeInitiativeCommand extends Command<InitiativeChanged> {
  constructor(
    readonly change: InitiativeChange,
    readonly expectedVersion: number | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
