import type { NotificationCategory } from '../notifications/categories';

// Shapes of the email notification settings and of the public unsubscribe page, shared by the API
// and the web app. The categories themselves (`notificationCategories`, in display order) come
// from `notifications/categories`, exported by the client entry point too.

/**
 * `GET /api/v1/me/notification-preferences` (and the answer of `PUT`): which emails the caller
 * receives. Every category is present; one never changed follows the default (everything on,
 * except the weekly digest, on only for product managers and admins).
 */
export type NotificationPreferencesView = {
  categories: Record<NotificationCategory, boolean>;
  /**
   * The categories that can reach the caller at all, in display order: the weekly digest only
   * reaches those who may read the dashboards, mentions only the team. A settings page shows
   * these; the others are kept but never sent.
   */
  applicable: NotificationCategory[];
};

/**
 * `PUT /api/v1/me/notification-preferences`: only the categories named change; an unknown
 * category is a 400 naming `categories.<name>`. Answers `NotificationPreferencesView`.
 */
export type UpdateNotificationPreferencesInput = {
  categories: Partial<Record<NotificationCategory, boolean>>;
};

/**
 * `GET /api/v1/unsubscribe?token=…` (public): what the token in an email's link unsubscribes
 * from, without changing anything (mail scanners follow links). An invalid token is a 400
 * problem naming `token`.
 */
export type UnsubscribeTokenView = {
  category: NotificationCategory;
  workspaceName: string;
  /** Whether the person still receives this category. */
  subscribed: boolean;
};

/**
 * `POST /api/v1/unsubscribe` (public) with `{ token }` in a JSON body: stop this category of
 * email for the token's person. Unsubscribing twice is harmless. Answers `UnsubscribeTokenView`
 * with `subscribed: false`. The same path also takes the RFC 8058 one-click POST that mail
 * clients send to the `List-Unsubscribe` header's URL (`?token=…` with the form body
 * `List-Unsubscribe=One-Click`).
 */
export type UnsubscribeInput = { token: string };

/** The link in an email's footer: the web app's public page that reads the token. */
export const unsubscribePagePath = '/unsubscribe';
