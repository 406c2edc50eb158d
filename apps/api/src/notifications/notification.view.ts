import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { EntityManager } from 'typeorm';
import {
  notificationKinds,
  type NotificationPage,
  type NotificationsMarkedRead,
  type NotificationView,
} from '@chorus/domain';

const NotificationViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  releaseId: z.uuid(),
  releaseName: z.string(),
  feedback: z
    .array(z.object({ id: z.uuid(), title: z.string() }))
    .describe('The feedback you voted on or follow that the release delivered'),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
}) satisfies z.ZodType<NotificationView>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationViewSchema),
  unreadCount: z.number().int().describe('All your unread notifications, not only this page’s'),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<NotificationPage>;
export class NotificationPageDto extends createZodDto(NotificationPageSchema) {}

export const NotificationsMarkedReadSchema = z.object({
  read: z.number().int().describe('How many were unread and are now read'),
  unreadCount: z.number().int(),
}) satisfies z.ZodType<NotificationsMarkedRead>;
export class NotificationsMarkedReadDto extends createZodDto(NotificationsMarkedReadSchema) {}

type Queryable = Pick<EntityManager, 'query'>;

/** The ids of a person's unread notifications, by the read model. */
export const unreadNotificationIds = async (
  db: Queryable,
  workspaceId: string,
  personId: string,
): Promise<string[]> =>
  (
    await db.query<{ id: string }[]>(
      `SELECT id FROM notifications
       WHERE workspace_id = $1 AND person_id = $2 AND read_at IS NULL`,
      [workspaceId, personId],
    )
  ).map((r) => r.id);
