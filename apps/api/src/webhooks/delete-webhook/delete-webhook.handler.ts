import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { webhookDecider, webhookStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { DeleteWebhookCommand } from './delete-webhook.command';

/** The event, and the URL and secret forgotten: nothing is sent to a deleted subscription. */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ webhookId, actor, context }: DeleteWebhookCommand): Promise<void> {
    await this.db.transaction(async (manager) => {
      await decideAndAppend(
        this.store,
        webhookDecider,
        webhookStreamId(webhookId),
        { type: 'DeleteWebhook', webhookId, actor },
        context,
        { manager },
      );
      await manager.query(
        `DELETE FROM webhook_secrets WHERE webhook_id = $1 AND workspace_id = $2`,
        [webhookId, actor.workspaceId],
      );
    });
    this.store.notifyAppended();
  }
}
