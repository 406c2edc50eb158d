import { Module, type DynamicModule } from '@nestjs/common';
import { defaultWebhookUrlPolicy, type WebhookUrlPolicy } from '@chorus/domain';
import { ChangeWebhookController } from './change-webhook/change-webhook.controller';
import { ChangeWebhookHandler } from './change-webhook/change-webhook.handler';
import { CreateWebhookController } from './create-webhook/create-webhook.controller';
import { CreateWebhookHandler } from './create-webhook/create-webhook.handler';
import { DeleteWebhookController } from './delete-webhook/delete-webhook.controller';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.handler';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { GetDeliveryHandler, ListDeliveriesHandler } from './deliveries/deliveries.handler';
import { RedeliverHandler } from './deliveries/redeliver.handler';
import { GetWebhooksController } from './get-webhooks/get-webhooks.controller';
import { GetWebhookHandler, ListWebhooksHandler } from './get-webhooks/get-webhooks.handler';
import { PauseWebhookController } from './pause-webhook/pause-webhook.controller';
import { PauseWebhookHandler } from './pause-webhook/pause-webhook.handler';
import { RotateWebhookSecretController } from './rotate-webhook-secret/rotate-webhook-secret.controller';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret/rotate-webhook-secret.handler';
import { TestWebhookController } from './test-webhook/test-webhook.controller';
import { TestWebhookHandler } from './test-webhook/test-webhook.handler';
import { WebhookEventTypesController } from './webhook-event-types/webhook-event-types.controller';
import { WEBHOOK_URL_POLICY } from './webhook-rules';

@Module({})
export class WebhooksModule {
  /** Where subscriptions may point: https only, unless the deployment allows plain http. */
  static forRoot(urlPolicy: WebhookUrlPolicy = defaultWebhookUrlPolicy): DynamicModule {
    return {
      module: WebhooksModule,
      controllers: [
        // First: `event-types` must not be taken for an `:id`.
        WebhookEventTypesController,
        CreateWebhookController,
        GetWebhooksController,
        ChangeWebhookController,
        PauseWebhookController,
        RotateWebhookSecretController,
        DeleteWebhookController,
        TestWebhookController,
        DeliveriesController,
      ],
      providers: [
        { provide: WEBHOOK_URL_POLICY, useValue: urlPolicy },
        CreateWebhookHandler,
        ListWebhooksHandler,
        GetWebhookHandler,
        ChangeWebhookHandler,
        PauseWebhookHandler,
        RotateWebhookSecretHandler,
        DeleteWebhookHandler,
        TestWebhookHandler,
        ListDeliveriesHandler,
        GetDeliveryHandler,
        RedeliverHandler,
      ],
    };
  }
}
