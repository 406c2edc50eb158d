import { Command } from '@nestjs/cqrs';
import type { WebhookDeliveryQueued } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class TestWebhookCommand extends Command<WebhookDeliveryQueued> {
  constructor(
    readonly webhookId: string,
    readonly actor: AuthenticatedActor,
  ) {
    super();
  }
}
