// Shapes of the in-app notification endpoints, shared by the API and the web app.

export const notificationKinds = ['feedback_shipped'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** One notice in a person's in-app list: a release shipped feedback they voted on or follow. */
export type NotificationView = {
  id: string;
  kind: NotificationKind;
  releaseId: string;
  releaseName: string;
  feedback: { id: string; title: string }[];
  createdAt: string;
  read: boolean;
};

export type NotificationPage = {
  items: NotificationView[];
  /** All of the caller's unread notifications, not only this page's. */
  unreadCount: number;
  nextCursor: string | null;
};

/** `POST /api/v1/me/notifications/read`: without ids, every unread notification. */
export type MarkNotificationsReadInput = { ids?: string[] };
export type NotificationsMarkedRead = { read: number; unreadCount: number };
