import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { webhookDecider, webhookStreamId, type CreatedWebhook } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { PREVIOUS_SECRET_HOURS, newWebhookSecret } from '../webhook-secrets';
import { readWebhook } from '../webhook.view';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';

/**
 * A new secret, answered once. The previous one keeps signing beside it for a day, so a receiver
 * that has not switched yet still verifies every delivery (Standard Webhooks rotation).
 */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({
    webhookId,
    actor,
    context,
  }: RotateWebhookSecretCommand): Promise<CreatedWebhook> {
    const secret = newWebhookSecret();
    const view = await this.db.transaction(async (manager) => {
      await decideAndAppend(
        this.store,
        webhookDecider,
        webhookStreamId(webhookId),
        { type: 'RotateWebhookSecret', webhookId, actor },
        context,
        { manager },
      );
      await manager.query(
        `UPDATE webhook_secrets SET previous_secret = secret, secret = $3,
           previous_secret_until = now() + make_interval(hours => $4), updated_at = now()
         WHERE webhook_id = $1 AND workspace_id = $2`,
        [webhookId, actor.workspaceId, secret, PREVIOUS_SECRET_HOURS],
      );
      return readWebhook(this.store, manager, actor.workspaceId, webhookId);
    });
    this.store.notifyAppended();
    return { ...view, secret };
  }
}
