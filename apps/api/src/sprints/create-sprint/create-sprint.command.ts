import { Command } from '@nestjs/cqrs';
import type { SprintInput, SprintView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class CreateSprintCommand extends Command<{ status: number; body: SprintView }> {
  constructor(
    readonly input: SprintInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
