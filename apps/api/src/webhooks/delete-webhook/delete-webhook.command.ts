import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class DeleteWebhookCommand extends Command<void> {
  constructor(
    readonly webhookId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
