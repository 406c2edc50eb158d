import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { UnsubscribeTokenView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { UnsubscribeTokens, readNotificationPreferences } from '@chorus/worker';
import { DescribeUnsubscribeQuery } from './describe-unsubscribe.query';
import { openUnsubscribeLink } from './unsubscribe-link';

/** Reads only: mail scanners open links before people do, and must not unsubscribe anyone. */
@QueryHandler(DescribeUnsubscribeQuery)
export class DescribeUnsubscribeHandler implements IQueryHandler<DescribeUnsubscribeQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(UnsubscribeTokens) private readonly tokens: UnsubscribeTokens,
  ) {}

  async execute({ token }: DescribeUnsubscribeQuery): Promise<UnsubscribeTokenView> {
    const link = await openUnsubscribeLink(this.db, this.tokens, token);
    const preferences = await readNotificationPreferences(
      this.store,
      link.workspaceId,
      link.personId,
      link.role,
    );
    return {
      category: link.category,
      workspaceName: link.workspaceName,
      subscribed: preferences[link.category],
    };
  }
}
