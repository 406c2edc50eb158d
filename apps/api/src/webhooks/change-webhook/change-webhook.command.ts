import { Command } from '@nestjs/cqrs';
import type { UpdateWebhookInput, WebhookView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class ChangeWebhookCommand extends Command<WebhookView> {
  constructor(
    readonly webhookId: string,
    readonly changes: UpdateWebhookInput,
    readonly expectedVersion: number,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
