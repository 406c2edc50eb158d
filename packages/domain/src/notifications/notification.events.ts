import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { StatusId } from '../catalog/catalog.events';

const someone = { notificationId: z.uuid(), personId: z.string().min(1) };
/** The feedback a change was made to, with its title then. */
const aboutFeedback = {
  feedbackId: z.uuid(),
  feedbackTitle: z.string().min(1),
};
/** Who made the change. */
const by = z.string().min(1);

/**
 * One person told of something about feedback they asked for or take part in, by `kind`:
 * - `feedback_shipped`: a release delivered it. All of a release's notifications are one stream
 *   (`releaseNotificationsStreamId`), appended once at version 0: publishing twice cannot notify
 *   twice.
 * - `status_changed`, `comment_posted` (public comments), `feedback_merged` (told to the
 *   duplicate's followers) and `mentioned` (a teammate named in a comment): each change's
 *   notifications are one new stream (`changeNotificationsStreamId`), in the change's transaction.
 */
export const PersonNotifiedV1 = defineEvent(
  'PersonNotified',
  1,
  z.discriminatedUnion('kind', [
    z.object({
      ...someone,
      kind: z.enum(['feedback_shipped']),
      releaseId: z.uuid(),
      releaseName: z.string().min(1),
      /** The feedback this person voted on or followed that the release delivers. */
      feedbackIds: z.array(z.uuid()).min(1),
    }),
    z.object({
      ...someone,
      kind: z.literal('status_changed'),
      ...aboutFeedback,
      statusId: StatusId,
      /** The status's name then: renaming it later does not rewrite what people were told. */
      statusName: z.string().min(1),
      by,
    }),
    z.object({
      ...someone,
      kind: z.literal('comment_posted'),
      ...aboutFeedback,
      commentId: z.uuid(),
      by,
    }),
    z.object({
      ...someone,
      kind: z.literal('feedback_merged'),
      /** The duplicate this person asked on. */
      ...aboutFeedback,
      intoFeedbackId: z.uuid(),
      intoFeedbackTitle: z.string().min(1),
      by,
    }),
    z.object({
      ...someone,
      kind: z.literal('mentioned'),
      ...aboutFeedback,
      commentId: z.uuid(),
      by,
    }),
  ]),
);
export const NotificationsReadV1 = defineEvent(
  'NotificationsRead',
  1,
  z.object({ personId: z.string().min(1), notificationIds: z.array(z.uuid()).min(1) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
type Notification = DataOf<typeof PersonNotifiedV1>;
type OfKind<K extends Notification['kind']> = Extract<Notification, { kind: K }>;
export type FeedbackShippedNotification = OfKind<'feedback_shipped'>;
export type StatusChangedNotification = OfKind<'status_changed'>;
export type CommentPostedNotification = OfKind<'comment_posted'>;
export type FeedbackMergedNotification = OfKind<'feedback_merged'>;
export type MentionedNotification = OfKind<'mentioned'>;
/** Everything but a release's: what teammates and people taking part do to feedback. */
export type ActivityNotification = Exclude<Notification, FeedbackShippedNotification>;

export type PersonNotified = { type: 'PersonNotified'; data: Notification };
export type NotificationsRead = {
  type: 'NotificationsRead';
  data: DataOf<typeof NotificationsReadV1>;
};
export type NotificationEvent = PersonNotified | NotificationsRead;

export const notificationEventDefinitions = [PersonNotifiedV1, NotificationsReadV1];

export const releaseNotificationsStreamId = (releaseId: string): string =>
  `notifications-release-${releaseId}`;
/**
 * The notifications of one change: the changed stream's id and the version the change took it
 * to (`notifications-feedback-<id>-<version>`, `notifications-comment-<id>-1`). Deterministic
 * rather than a fresh uuid: that version is written once, so the notifications appended at
 * version 0 in the same transaction are too, and a retried or racing request conflicts instead
 * of notifying anyone twice.
 */
export const changeNotificationsStreamId = (streamId: string, version: number): string =>
  `notifications-${streamId}-${version}`;
export const notificationReadsStreamId = (personId: string): string =>
  `notification-reads-${personId}`;

/** The feedback a notification says shipped: none unless a release's. */
export const shippedFeedbackIds = (data: PersonNotified['data']): readonly string[] =>
  data.kind === 'feedback_shipped' ? data.feedbackIds : [];
