import { Command } from '@nestjs/cqrs';
import type { CreatedWebhook } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class RotateWebhookSecretCommand extends Command<CreatedWebhook> {
  constructor(
    readonly webhookId: string,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
