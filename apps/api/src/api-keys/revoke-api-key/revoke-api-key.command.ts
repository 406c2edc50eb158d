import { Command } from '@nestjs/cqrs';
import type { ApiKeyView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class RevokeApiKeyCommand extends Command<ApiKeyView> {
  constructor(
    readonly keyId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
