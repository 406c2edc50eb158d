import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { NotificationView } from '@chorus/domain';
import { CursorId, keysetCursor } from '../../platform/keyset-cursor';
import { iso } from '../../platform/sql-time';
import { ListNotificationsQuery } from './list-notifications.query';

/** Where a page ended: the creation time and id of its last notification. */
const notificationCursor = keysetCursor(z.tuple([z.iso.datetime(), CursorId]));

/** The caller's own notifications, newest first, with the titles of the feedback they name. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, limit, cursor }: ListNotificationsQuery) {
    const params: unknown[] = [actor.workspaceId, actor.id];
    const where = ['n.workspace_id = $1', 'n.person_id = $2'];
    if (cursor !== undefined) {
      params.push(...notificationCursor.decode(cursor));
      where.push(`(n.created_at, n.id) < ($3::timestamptz, $4::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<NotificationView[]>(
      `SELECT n.id, n.kind, n.release_id AS "releaseId", n.release_name AS "releaseName",
         ${iso('n.created_at')} AS "createdAt", n.read_at IS NOT NULL AS read,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', f.feedback_id, 'title', f.title)
             ORDER BY array_position(n.feedback_ids, f.feedback_id))
           FROM feedback_list f
           WHERE f.workspace_id = n.workspace_id AND f.feedback_id = ANY(n.feedback_ids)),
           '[]'::jsonb) AS feedback
       FROM notifications n WHERE ${where.join(' AND ')}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    const [unread] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications
       WHERE workspace_id = $1 AND person_id = $2 AND read_at IS NULL`,
      [actor.workspaceId, actor.id],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      unreadCount: unread?.count ?? 0,
      nextCursor:
        rows.length > limit && last ? notificationCursor.encode([last.createdAt, last.id]) : null,
    };
  }
}
