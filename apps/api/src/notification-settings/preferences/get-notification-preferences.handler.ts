import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { NotificationPreferencesView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readNotificationPreferences } from '@chorus/worker';
import { GetNotificationPreferencesQuery } from './get-notification-preferences.query';
import { preferencesView } from './notification-preferences.view';

/** Folded from the caller's own preferences stream: what the mailer reads when it sends. */
@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<GetNotificationPreferencesQuery> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ actor }: GetNotificationPreferencesQuery): Promise<NotificationPreferencesView> {
    const categories = await readNotificationPreferences(
      this.store,
      actor.workspaceId,
      actor.id,
      actor.role,
    );
    return preferencesView(categories, actor.role);
  }
}
