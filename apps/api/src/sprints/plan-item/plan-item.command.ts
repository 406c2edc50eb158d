import { Command } from '@nestjs/cqrs';
import type { PlanResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

/** Puts a backlog item into a sprint, or takes it out again. */
export class PlanItemCommand extends Command<PlanResult> {
  constructor(
    readonly kind: 'PlanItem' | 'UnplanItem',
    readonly sprintId: string,
    readonly itemId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
