import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class EraseCustomerCommand extends Command<{ customerId: string; erased: true }> {
  constructor(
    readonly externalId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
