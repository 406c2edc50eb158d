import {
  applicableNotificationCategories,
  type ActorRoleName,
  type NotificationCategory,
  type NotificationPreferencesView,
} from '@chorus/domain';

export const preferencesView = (
  categories: Record<NotificationCategory, boolean>,
  role: ActorRoleName,
): NotificationPreferencesView => ({
  categories,
  applicable: applicableNotificationCategories(role),
});
