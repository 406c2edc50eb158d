import { Command } from '@nestjs/cqrs';
import type { InitiativeChanged, InitiativeInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class CreateInitiativeCommand extends Command<{ status: number; body: InitiativeChanged }> {
  constructor(
    readonly input: InitiativeInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
