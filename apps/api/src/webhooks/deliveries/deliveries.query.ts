import { Query } from '@nestjs/cqrs';
import type {
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
} from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListDeliveriesQuery extends Query<WebhookDeliveryPage> {
  constructor(
    readonly webhookId: string,
    readonly filter: { status?: WebhookDeliveryStatus; limit: number; cursor?: string },
    readonly actor: AuthenticatedActor,
  ) {
    super();
  }
}

export class GetDeliveryQuery extends Query<WebhookDeliveryDetail> {
  constructor(
    readonly webhookId: string,
    readonly deliveryId: string,
    readonly actor: AuthenticatedActor,
  ) {
    super();
  }
}
