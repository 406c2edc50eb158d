import type { NotificationPage, NotificationsMarkedRead } from '@chorus/domain/client';
import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryKey,
} from '@tanstack/react-query';
import { fetchNotifications, markNotificationsRead } from './notification-api';

export const notificationKeys = { all: ['notifications'] as const };

type NotificationData = InfiniteData<NotificationPage, string | null>;

export const useNotifications = () =>
  useInfiniteQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ pageParam, signal }) => fetchNotifications(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // News arrives when someone else publishes a release: look now and then.
    refetchInterval: 60_000,
  });

const markRead = (data: NotificationData, ids: readonly string[] | undefined): NotificationData => {
  const marks = (id: string) => ids === undefined || ids.includes(id);
  const newlyRead = data.pages
    .flatMap((page) => page.items)
    .filter((item) => !item.read && marks(item.id)).length;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      unreadCount: ids === undefined ? 0 : Math.max(page.unreadCount - newlyRead, 0),
      items: page.items.map((item) => (marks(item.id) ? { ...item, read: true } : item)),
    })),
  };
};

/**
 * Marks some (or, without ids, all) of the notifications cached under `queryKey` read, on screen
 * at once: the list itself follows a moment later, when the read model has the marks.
 */
export const useMarkNotificationsRead = (
  queryKey: QueryKey,
  mark: (ids?: string[]) => Promise<NotificationsMarkedRead>,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => mark(ids),
    onMutate: async (ids) => {
      // At once, then drop any read in flight (which restores this copy, set by hand).
      const previous = queryClient.getQueryData<NotificationData>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, markRead(previous, ids));
      await queryClient.cancelQueries({ queryKey });
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: ({ unreadCount }) => {
      queryClient.setQueryData<NotificationData>(
        queryKey,
        (data) => data && { ...data, pages: data.pages.map((page) => ({ ...page, unreadCount })) },
      );
    },
  });
};

/** The admin app's bell: its notifications, marked read. */
export const useMarkRead = () =>
  useMarkNotificationsRead(notificationKeys.all, markNotificationsRead);
