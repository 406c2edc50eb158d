import { can } from '../shared/permissions';
import type { ActorRoleName } from '../shared/roles';
import type { PersonNotified } from './notification.events';

/** The kinds of email a person can turn on or off, in the order a settings page shows them. */
export const notificationCategories = [
  'shipped',
  'status_changes',
  'comments',
  'merges',
  'mentions',
  'weekly_digest',
] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

export const isNotificationCategory = (value: string): value is NotificationCategory =>
  (notificationCategories as readonly string[]).includes(value);

/** Every kind of `PersonNotified`, and the category whose preference decides its email. */
export const notificationCategoryOfKind = {
  feedback_shipped: 'shipped',
  status_changed: 'status_changes',
  comment_posted: 'comments',
  feedback_merged: 'merges',
  mentioned: 'mentions',
} as const satisfies Record<PersonNotified['data']['kind'], NotificationCategory>;

/** Whoever may read the dashboards may have their digest; product managers and admins by default. */
const digestByDefault: readonly ActorRoleName[] = ['admin', 'product_manager'];

/** The categories that can reach a person of this role at all: mentions are among the team. */
export const applicableNotificationCategories = (role: ActorRoleName): NotificationCategory[] =>
  notificationCategories.filter((category) => {
    switch (category) {
      case 'weekly_digest':
        return can(role, 'dashboards.read');
      case 'mentions':
        return role !== 'customer';
      case 'shipped':
      case 'status_changes':
      case 'comments':
      case 'merges':
        return true;
    }
  });

/** What a person receives before they ever choose: everything, except the digest for most. */
export const defaultNotificationPreferences = (
  role: ActorRoleName,
): Record<NotificationCategory, boolean> => ({
  shipped: true,
  status_changes: true,
  comments: true,
  merges: true,
  mentions: true,
  weekly_digest: digestByDefault.includes(role),
});
