import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  validWebhookUrl,
  webhookDecider,
  webhookStreamId,
  type CreatedWebhook,
  type WebhookUrlPolicy,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { newWebhookSecret, writeWebhookSecret } from '../webhook-secrets';
import { WEBHOOK_URL_POLICY, webhookRulesOf } from '../webhook-rules';
import { readWebhook } from '../webhook.view';
import { CreateWebhookCommand } from './create-webhook.command';

/**
 * A new subscription: the event (without the URL's credentials or the secret) and, beside the
 * log, its URL and signing secret, in one transaction. The secret is answered once.
 */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(WEBHOOK_URL_POLICY) private readonly urlPolicy: WebhookUrlPolicy,
  ) {}

  async execute({ input, actor, context }: CreateWebhookCommand): Promise<CreatedWebhook> {
    const webhookId = randomUUID();
    const kind = input.kind ?? 'webhook';
    const secret = kind === 'webhook' ? newWebhookSecret() : null;
    const created = await this.db.transaction(async (manager) => {
      await decideAndAppend(
        this.store,
        webhookDecider,
        webhookStreamId(webhookId),
        {
          type: 'CreateWebhook',
          webhookId,
          kind,
          url: input.url,
          eventTypes: input.eventTypes,
          description: input.description,
          rules: webhookRulesOf(this.urlPolicy),
          actor,
        },
        context,
        { retries: 0, manager },
      );
      await writeWebhookSecret(manager, {
        webhookId,
        workspaceId: actor.workspaceId,
        url: validWebhookUrl(kind, input.url, this.urlPolicy),
        secret,
      });
      return readWebhook(this.store, manager, actor.workspaceId, webhookId);
    });
    this.store.notifyAppended();
    return { ...created, secret };
  }
}
