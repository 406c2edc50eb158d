import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WebhookDeliveryQueued } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { WEBHOOKS_CHANNEL } from '@chorus/worker';
import { readDelivery } from '../delivery.view';
import { readWebhook } from '../webhook.view';
import { RedeliverCommand } from './redeliver.command';

/**
 * Makes a delivery due now, whatever its state (delivered or given up too), as a manual attempt:
 * out of its stream's order and even to a paused subscription. An attempt in flight finishes
 * and is logged, but no longer decides the delivery's state: the redelivery does.
 */
@CommandHandler(RedeliverCommand)
export class RedeliverHandler implements ICommandHandler<RedeliverCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({
    webhookId,
    deliveryId,
    actor,
  }: RedeliverCommand): Promise<WebhookDeliveryQueued> {
    await readWebhook(this.store, this.db, actor.workspaceId, webhookId);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE webhook_deliveries SET status = 'pending', manual = true, next_attempt_at = now(),
           claimed_until = NULL, claim = NULL
         WHERE delivery_id = $1 AND webhook_id = $2 AND workspace_id = $3`,
        [deliveryId, webhookId, actor.workspaceId],
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
