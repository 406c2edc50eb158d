import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStreamId, type WebhookView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { DataSource } from 'typeorm';
import { decideAndAppend } from '../../platform/run-decider';
import { readWebhook } from '../webhook.view';
import { PauseWebhookCommand } from './pause-webhook.command';

@CommandHandler(PauseWebhookCommand)
export class PauseWebhookHandler implements ICommandHandler<PauseWebhookCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ webhookId, paused, actor, context }: PauseWebhookCommand): Promise<WebhookView> {
    await decideAndAppend(
      this.store,
      webhookDecider,
      webhookStreamId(webhookId),
      paused
        ? { type: 'PauseWebhook', webhookId, reason: 'by_admin', actor }
        : { type: 'ResumeWebhook', webhookId, actor },
      context,
    );
    return readWebhook(this.store, this.db, actor.workspaceId, webhookId);
  }
}
