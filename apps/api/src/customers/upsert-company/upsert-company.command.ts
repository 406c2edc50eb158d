import { Command } from '@nestjs/cqrs';
import type { CompanyInput, CompanyView, UpsertResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class UpsertCompanyCommand extends Command<UpsertResult<CompanyView>> {
  constructor(
    readonly input: CompanyInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
