import { Command } from '@nestjs/cqrs';
import type { EditSprint, StartSprint, SprintView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export type SprintChange = Omit<EditSprint, 'actor'> | Omit<StartSprint, 'actor'>;

/** A change to the sprint's own stream: its fields, or its start. */
export class ChangeSprintCommand extends Command<SprintView> {
  constructor(
    readonly change: SprintChange,
    readonly expectedVersion: number | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
