import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { NotificationKind, NotificationView, NotifiedFeedback } from '@chorus/domain';
import { CursorId, keysetCursor } from '../../platform/keyset-cursor';
import { iso } from '../../platform/sql-time';
import { namesOf } from '../../teammates/people';
import { ListNotificationsQuery } from './list-notifications.query';

/** Where a page ended: the creation time and id of its last notification. */
const notificationCursor = keysetCursor(z.tuple([z.iso.datetime(), CursorId]));

type NotificationRow = {
  id: string;
  kind: NotificationKind;
  releaseId: string | null;
  releaseName: string | null;
  byId: string | null;
  feedbackIds: string[];
  feedbackTitle: string | null;
  statusId: string | null;
  statusName: string | null;
  commentId: string | null;
  intoId: string | null;
  intoTitle: string | null;
  createdAt: string;
  read: boolean;
  feedback: NotifiedFeedback[];
};

/** A column the notification's kind always sets (see the notifications projection). */
const required = <T>(value: T | null, column: string, id: string): T => {
  if (value === null) throw new Error(`Notification ${id} has no ${column}.`);
  return value;
};

const viewOf = (row: NotificationRow, names: ReadonlyMap<string, string>): NotificationView => {
  const common = { id: row.id, createdAt: row.createdAt, read: row.read };
  if (row.kind === 'feedback_shipped') {
    return {
      ...common,
      kind: row.kind,
      releaseId: required(row.releaseId, 'release', row.id),
      releaseName: required(row.releaseName, 'release name', row.id),
      feedback: row.feedback,
    };
  }
  const byId = required(row.byId, 'actor', row.id);
  const about = {
    ...common,
    by: { id: byId, name: names.get(byId) ?? null },
    // Titles as they are now; as they were then until the feedback read model has the item.
    feedback:
      row.feedback.length > 0
        ? row.feedback
        : row.feedbackIds.map((id) => ({ id, title: row.feedbackTitle ?? '' })),
  };
  switch (row.kind) {
    case 'status_changed':
      return {
        ...about,
        kind: row.kind,
        status: {
          id: required(row.statusId, 'status', row.id),
          name: required(row.statusName, 'status name', row.id),
        },
      };
    case 'comment_posted':
    case 'mentioned':
      return { ...about, kind: row.kind, commentId: required(row.commentId, 'comment', row.id) };
    case 'feedback_merged':
      return {
        ...about,
        kind: row.kind,
        into: {
          id: required(row.intoId, 'survivor', row.id),
          title: required(row.intoTitle, 'survivor title', row.id),
        },
      };
  }
};

/**
 * The caller's own notifications, newest first, with the titles of the feedback they name and
 * the names of the people who acted.
 */
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
    const rows = await this.db.query<NotificationRow[]>(
      `SELECT n.id, n.kind, n.release_id AS "releaseId", n.release_name AS "releaseName",
         n.by_id AS "byId", n.feedback_ids AS "feedbackIds", n.feedback_title AS "feedbackTitle",
         n.status_id AS "statusId", n.status_name AS "statusName", n.comment_id AS "commentId",
         n.into_feedback_id AS "intoId", coalesce(i.title, n.into_feedback_title) AS "intoTitle",
         ${iso('n.created_at')} AS "createdAt", n.read_at IS NOT NULL AS read,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', f.feedback_id, 'title', f.title)
             ORDER BY array_position(n.feedback_ids, f.feedback_id))
           FROM feedback_list f
           WHERE f.workspace_id = n.workspace_id AND f.feedback_id = ANY(n.feedback_ids)),
           '[]'::jsonb) AS feedback
       FROM notifications n
       LEFT JOIN feedback_list i
         ON i.workspace_id = n.workspace_id AND i.feedback_id = n.into_feedback_id
       WHERE ${where.join(' AND ')}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    const [unread] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications
       WHERE workspace_id = $1 AND person_id = $2 AND read_at IS NULL`,
      [actor.workspaceId, actor.id],
    );
    const page = rows.slice(0, limit);
    const names = await namesOf(
      this.db,
      actor.workspaceId,
      page.flatMap((r) => (r.byId === null ? [] : [r.byId])),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((row) => viewOf(row, names)),
      unreadCount: unread?.count ?? 0,
      nextCursor:
        rows.length > limit && last ? notificationCursor.encode([last.createdAt, last.id]) : null,
    };
  }
}
