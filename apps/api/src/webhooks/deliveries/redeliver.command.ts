import { Command } from '@nestjs/cqrs';
import type { WebhookDeliveryQueued } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class RedeliverCommand extends Command<WebhookDeliveryQueued> {
  constructor(
    readonly webhookId: string,
    readonly deliveryId: string,
    readonly actor: AuthenticatedActor,
  ) {
    super();
  }
}
