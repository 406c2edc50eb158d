import { Query } from '@nestjs/cqrs';
import type { WebhookList, WebhookView } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListWebhooksQuery extends Query<WebhookList> {
  constructor(readonly actor: AuthenticatedActor) {
    super();
  }
}

export class GetWebhookQuery extends Query<WebhookView> {
  constructor(
    readonly webhookId: string,
    readonly actor: AuthenticatedActor,
  ) {
    super();
  }
}
