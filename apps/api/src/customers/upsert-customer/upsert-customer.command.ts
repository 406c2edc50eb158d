import { Command } from '@nestjs/cqrs';
import type { CustomerInput, CustomerView, UpsertResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class UpsertCustomerCommand extends Command<UpsertResult<CustomerView>> {
  constructor(
    readonly input: CustomerInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
