import { Command } from '@nestjs/cqrs';
import type { CreatedApiKey, CreateApiKeyInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class CreateApiKeyCommand extends Command<CreatedApiKey> {
  constructor(
    readonly input: CreateApiKeyInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
