import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { WEBHOOK_PING_EVENT_TYPE, type WebhookDeliveryQueued } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { WEBHOOKS_CHANNEL } from '@chorus/worker';
import { readDelivery } from '../delivery.view';
import { readWebhook } from '../webhook.view';
import { TestWebhookCommand } from './test-webhook.command';

/**
 * A ping, not an event of the log: a delivery of its own (`com.chorus.webhook.ping.v1`), due at
 * once and sent even to a paused subscription, so an admin can check a receiver before resuming
 * it. Signed, retried and logged like any delivery.
 */
@CommandHandler(TestWebhookCommand)
export class TestWebhookHandler implements ICommandHandler<TestWebhookCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ webhookId, actor }: TestWebhookCommand): Promise<WebhookDeliveryQueued> {
    await readWebhook(this.store, this.db, actor.workspaceId, webhookId);
    const deliveryId = randomUUID();
    const eventId = randomUUID();
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_deliveries (delivery_id, workspace_id, webhook_id, event_id,
           event_type, ping, status, manual, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', true, now(), now())`,
        [
          deliveryId,
          actor.workspaceId,
          webhookId,
          eventId,
          WEBHOOK_PING_EVENT_TYPE,
          JSON.stringify({
            webhookId,
            message: 'A test from Chorus: this receiver gets the events chosen for it.',
            by: actor.id,
          }),
        ],
      );
      await manager.query(`SELECT pg_notify($1, '')`, [WEBHOOKS_CHANNEL]);
    });
    const { attempts: _, ...delivery } = await readDelivery(
      this.db,
      actor.workspaceId,
      webhookId,
      deliveryId,
    );
    return delivery;
  }
}
