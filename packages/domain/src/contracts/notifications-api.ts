// Shapes of the in-app notification endpoints, shared by the API and the web app.

export const notificationKinds = [
  'feedback_shipped',
  'status_changed',
  'comment_posted',
  'feedback_merged',
  'mentioned',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** A feedback item a notification links to, with its title now. */
export type NotifiedFeedback = { id: string; title: string };
/** Who made the change; `name` is null when it is no longer known. */
export type NotificationActorView = { id: string; name: string | null };

type NotificationBase = {
  id: string;
  /**
   * The feedback to link to: for a release every item of yours it delivered, otherwise the one
   * item changed (for a merge, the duplicate you asked on).
   */
  feedback: NotifiedFeedback[];
  createdAt: string;
  read: boolean;
};

/** A release shipped feedback you voted on or follow. */
export type FeedbackShippedNotificationView = NotificationBase & {
  kind: 'feedback_shipped';
  releaseId: string;
  releaseName: string;
};
/** A teammate moved feedback you follow to another status. */
export type StatusChangedNotificationView = NotificationBase & {
  kind: 'status_changed';
  by: NotificationActorView;
  /** The status's name when it changed. */
  status: { id: string; name: string };
};
/** Someone commented publicly on feedback you follow. */
export type CommentPostedNotificationView = NotificationBase & {
  kind: 'comment_posted';
  by: NotificationActorView;
  commentId: string;
};
/** Feedback you follow was merged into another item, where its votes now count. */
export type FeedbackMergedNotificationView = NotificationBase & {
  kind: 'feedback_merged';
  by: NotificationActorView;
  into: NotifiedFeedback;
};
/** A teammate mentioned you in a comment (teammates only). */
export type MentionedNotificationView = NotificationBase & {
  kind: 'mentioned';
  by: NotificationActorView;
  commentId: string;
};

/** One notice in a person's in-app list, by `kind`. */
export type NotificationView =
  | FeedbackShippedNotificationView
  | StatusChangedNotificationView
  | CommentPostedNotificationView
  | FeedbackMergedNotificationView
  | MentionedNotificationView;

export type NotificationPage = {
  items: NotificationView[];
  /** All of the caller's unread notifications, not only this page's. */
  unreadCount: number;
  nextCursor: string | null;
};

/** `POST /api/v1/me/notifications/read`: without ids, every unread notification. */
export type MarkNotificationsReadInput = { ids?: string[] };
export type NotificationsMarkedRead = { read: number; unreadCount: number };
