import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { notificationReadsDecider, notificationReadsStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { notFound } from '../../platform/problem-details';
import { decideAndAppend } from '../../platform/run-decider';
import { unreadNotificationIds } from '../notification.view';
import { MarkNotificationsReadCommand } from './mark-notifications-read.command';

@CommandHandler(MarkNotificationsReadCommand)
export class MarkNotificationsReadHandler implements ICommandHandler<MarkNotificationsReadCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ ids, actor, context }: MarkNotificationsReadCommand) {
    if (ids !== undefined) await this.assertOwnNotifications(ids, actor.workspaceId, actor.id);
    const unread = await unreadNotificationIds(this.db, actor.workspaceId, actor.id);
    const { events } = await decideAndAppend(
      this.store,
      notificationReadsDecider,
      notificationReadsStreamId(actor.id),
      {
        type: 'MarkNotificationsRead',
        personId: actor.id,
        notificationIds: ids ?? unread,
        actor,
      },
      context,
    );
    const marked = new Set(events.flatMap((e) => e.data.notificationIds));
    return { read: marked.size, unreadCount: unread.filter((id) => !marked.has(id)).length };
  }

  private async assertOwnNotifications(
    ids: readonly string[],
    workspaceId: string,
    personId: string,
  ) {
    const found = new Set(
      (
        await this.db.query<{ id: string }[]>(
          `SELECT id FROM notifications
           WHERE workspace_id = $1 AND person_id = $2 AND id = ANY($3::uuid[])`,
          [workspaceId, personId, ids],
        )
      ).map((r) => r.id),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw notFound(`You have no notification ${missing}.`);
  }
}
