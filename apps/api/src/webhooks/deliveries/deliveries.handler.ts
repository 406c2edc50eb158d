import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WebhookDeliveryDetail, WebhookDeliveryPage } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readDelivery, readDeliveryPage } from '../delivery.view';
import { readWebhook } from '../webhook.view';
import { GetDeliveryQuery, ListDeliveriesQuery } from './deliveries.query';

/** The log of a subscription that exists in the actor's workspace; any other is a 404. */
@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ webhookId, filter, actor }: ListDeliveriesQuery): Promise<WebhookDeliveryPage> {
    await readWebhook(this.store, this.db, actor.workspaceId, webhookId);
    return readDeliveryPage(this.db, actor.workspaceId, webhookId, filter);
  }
}

@QueryHandler(GetDeliveryQuery)
export class GetDeliveryHandler implements IQueryHandler<GetDeliveryQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({
    webhookId,
    deliveryId,
    actor,
  }: GetDeliveryQuery): Promise<WebhookDeliveryDetail> {
    await readWebhook(this.store, this.db, actor.workspaceId, webhookId);
    return readDelivery(this.db, actor.workspaceId, webhookId, deliveryId);
  }
}
