import type { NotificationPage, NotificationsMarkedRead } from '@chorus/domain/client';
import { getJson, query, sendJson } from '../api/request';

export const fetchNotifications = async (cursor: string | null, signal?: AbortSignal) =>
  getJson<NotificationPage>(`/me/notifications${query({ cursor })}`, signal);

/** Without ids, every unread notification. */
export const markNotificationsRead = async (ids?: string[]) =>
  sendJson<NotificationsMarkedRead>('/me/notifications/read', 'POST', ids ? { ids } : {});
