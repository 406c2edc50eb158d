import type {
  NotificationPreferencesView,
  UnsubscribeInput,
  UnsubscribeTokenView,
  UpdateNotificationPreferencesInput,
} from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, query, sendJson } from '../api/request';

// Which emails a person receives (their own settings), and the public page an email's
// unsubscribe link opens. The answer of a save is the preferences as saved.

const PREFERENCES_PATH = '/me/notification-preferences';
const UNSUBSCRIBE_PATH = '/unsubscribe';

export const fetchNotificationPreferences = async (
  signal?: AbortSignal,
): Promise<NotificationPreferencesView> =>
  getJson<NotificationPreferencesView>(PREFERENCES_PATH, signal);

export const saveNotificationPreferences = async (
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferencesView> =>
  sendJson<NotificationPreferencesView>(PREFERENCES_PATH, 'PUT', input);

export const notificationPreferencesKey = ['notification-preferences'] as const;

export const useNotificationPreferences = () =>
  useQuery({
    queryKey: notificationPreferencesKey,
    queryFn: ({ signal }) => fetchNotificationPreferences(signal),
  });

export const useSaveNotificationPreferences = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: async (view) => {
      await queryClient.cancelQueries({ queryKey: notificationPreferencesKey, exact: true });
      queryClient.setQueryData(notificationPreferencesKey, view);
    },
  });
};

// Unsubscribing: public, the token in the link is the only credential. Reading what a token
// unsubscribes from changes nothing (mail scanners follow links); only the POST does.

export const fetchUnsubscribeToken = async (
  token: string,
  signal?: AbortSignal,
): Promise<UnsubscribeTokenView> =>
  getJson<UnsubscribeTokenView>(`${UNSUBSCRIBE_PATH}${query({ token })}`, signal);

export const unsubscribe = async (input: UnsubscribeInput): Promise<UnsubscribeTokenView> =>
  sendJson<UnsubscribeTokenView>(UNSUBSCRIBE_PATH, 'POST', input);

export const useUnsubscribeToken = (token: string) =>
  useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: ({ signal }) => fetchUnsubscribeToken(token, signal),
  });

export const useUnsubscribe = () => useMutation({ mutationFn: unsubscribe });
