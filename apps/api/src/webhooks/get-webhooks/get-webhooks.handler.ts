import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WebhookList, WebhookView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readWebhook, readWebhookList } from '../webhook.view';
import { GetWebhookQuery, ListWebhooksQuery } from './get-webhooks.query';

/** A workspace has a handful of subscriptions, so one page holds them all. */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor }: ListWebhooksQuery): Promise<WebhookList> {
    return { items: await readWebhookList(this.db, actor.workspaceId) };
  }
}

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  execute({ webhookId, actor }: GetWebhookQuery): Promise<WebhookView> {
    return readWebhook(this.store, this.db, actor.workspaceId, webhookId);
  }
}
