import type { NotificationPage } from '@chorus/domain/client';
import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
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

/** Marks some (or, without ids, all) notifications read, on screen at once. */
export const useMarkRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(ids),
    onMutate: async (ids) => {
      // At once, then drop any read in flight (which restores this copy, set by hand).
      const previous = queryClient.getQueryData<NotificationData>(notificationKeys.all);
      if (previous) queryClient.setQueryData(notificationKeys.all, markRead(previous, ids));
      await queryClient.cancelQueries({ queryKey: notificationKeys.all });
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(notificationKeys.all, context.previous);
    },
    onSuccess: ({ unreadCount }) => {
      queryClient.setQueryData<NotificationData>(
        notificationKeys.all,
        (data) => data && { ...data, pages: data.pages.map((page) => ({ ...page, unreadCount })) },
      );
    },
  });
};
