import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

/**
 * One person told that what they asked for shipped. All of a release's notifications are one
 * stream (`releaseNotificationsStreamId`), appended once at version 0: publishing twice cannot
 * notify twice.
 */
export const PersonNotifiedV1 = defineEvent(
  'PersonNotified',
  1,
  z.object({
    notificationId: z.uuid(),
    personId: z.string().min(1),
    kind: z.enum(['feedback_shipped']),
    releaseId: z.uuid(),
    releaseName: z.string().min(1),
    /** The feedback this person voted on or followed that the release delivers. */
    feedbackIds: z.array(z.uuid()).min(1),
  }),
);
export const NotificationsReadV1 = defineEvent(
  'NotificationsRead',
  1,
  z.object({ personId: z.string().min(1), notificationIds: z.array(z.uuid()).min(1) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type PersonNotified = { type: 'PersonNotified'; data: DataOf<typeof PersonNotifiedV1> };
export type NotificationsRead = {
  type: 'NotificationsRead';
  data: DataOf<typeof NotificationsReadV1>;
};
export type NotificationEvent = PersonNotified | NotificationsRead;

export const notificationEventDefinitions = [PersonNotifiedV1, NotificationsReadV1];

export const releaseNotificationsStreamId = (releaseId: string): string =>
  `notifications-release-${releaseId}`;
export const notificationReadsStreamId = (personId: string): string =>
  `notification-reads-${personId}`;
