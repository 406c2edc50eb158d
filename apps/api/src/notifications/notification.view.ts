import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { EntityManager } from 'typeorm';
import type { NotificationPage, NotificationsMarkedRead, NotificationView } from '@chorus/domain';

const NotifiedFeedbackSchema = z.object({ id: z.uuid(), title: z.string() });
const base = {
  id: z.uuid(),
  feedback: z
    .array(NotifiedFeedbackSchema)
    .describe(
      'The feedback to link to: for a release every item of yours it delivered, otherwise the item changed (for a merge, the duplicate you asked on)',
    ),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
};
const by = z
  .object({ id: z.string(), name: z.string().nullable() })
  .describe('Who made the change');

const NotificationViewSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('feedback_shipped'),
    releaseId: z.uuid(),
    releaseName: z.string(),
  }),
  z.object({
    ...base,
    kind: z.literal('status_changed'),
    by,
    status: z
      .object({ id: z.string(), name: z.string() })
      .describe('The status it moved to, named as it was then'),
  }),
  z.object({ ...base, kind: z.literal('comment_posted'), by, commentId: z.uuid() }),
  z.object({
    ...base,
    kind: z.literal('feedback_merged'),
    by,
    into: NotifiedFeedbackSchema.describe('The item it was merged into'),
  }),
  z.object({ ...base, kind: z.literal('mentioned'), by, commentId: z.uuid() }),
]) satisfies z.ZodType<NotificationView>;

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
