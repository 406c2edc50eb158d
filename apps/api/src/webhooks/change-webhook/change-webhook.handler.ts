import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  validWebhookUrl,
  webhookDecider,
  webhookStreamId,
  type WebhookUrlPolicy,
  type WebhookView,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { readWebhookUrl } from '../webhook-secrets';
import { WEBHOOK_URL_POLICY, webhookRulesOf } from '../webhook-rules';
import { readWebhook } from '../webhook.view';
import { ChangeWebhookCommand } from './change-webhook.command';

/** The event and the URL kept beside the log change in one transaction. */
@CommandHandler(ChangeWebhookCommand)
export class ChangeWebhookHandler implements ICommandHandler<ChangeWebhookCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(WEBHOOK_URL_POLICY) private readonly urlPolicy: WebhookUrlPolicy,
  ) {}

  async execute({
    webhookId,
    changes,
    expectedVersion,
    actor,
    context,
  }: ChangeWebhookCommand): Promise<WebhookView> {
    const view = await this.db.transaction(async (manager) => {
      const currentUrl = (await readWebhookUrl(manager, actor.workspaceId, webhookId)) ?? '';
      const { events, state } = await decideAndAppend(
        this.store,
        webhookDecider,
        webhookStreamId(webhookId),
        {
          type: 'ChangeWebhook',
          webhookId,
          url: changes.url,
          currentUrl,
          eventTypes: changes.eventTypes,
          description: changes.description,
          rules: webhookRulesOf(this.urlPolicy),
          actor,
        },
        context,
        { expectedVersion, manager },
      );
      const urlChanged = events.some((e) => e.type === 'WebhookChanged' && e.data.url);
      if (urlChanged && changes.url !== undefined && state.exists) {
        await manager.query(
          `UPDATE webhook_secrets SET url = $3, updated_at = now()
           WHERE webhook_id = $1 AND workspace_id = $2`,
          [webhookId, actor.workspaceId, validWebhookUrl(state.kind, changes.url, this.urlPolicy)],
        );
      }
      return readWebhook(this.store, manager, actor.workspaceId, webhookId);
    });
    this.store.notifyAppended();
    return view;
  }
}
