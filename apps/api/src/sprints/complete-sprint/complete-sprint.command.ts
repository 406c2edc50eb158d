import { Command } from '@nestjs/cqrs';
import type { CompleteSprintResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class CompleteSprintCommand extends Command<CompleteSprintResult> {
  constructor(
    readonly sprintId: string,
    /** The sprint to carry unfinished items into; null sends them back to the backlog. */
    readonly carryOverTo: string | null,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
