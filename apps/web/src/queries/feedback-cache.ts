import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { FeedbackItem, FeedbackPage } from '../api/types';
import { feedbackKeys, type FeedbackListFilters } from './feedback-keys';

export type FeedbackListData = InfiniteData<FeedbackPage, string | null>;

const filtersOf = (queryKey: QueryKey): FeedbackListFilters => queryKey[2] as FeedbackListFilters;

/** Applies `patch` to the item wherever it is cached: its detail and every list holding it. */
export const patchFeedback = (
  queryClient: QueryClient,
  id: string,
  patch: (item: FeedbackItem) => FeedbackItem,
) => {
  queryClient.setQueryData<FeedbackItem>(feedbackKeys.detail(id), (item) => item && patch(item));
  queryClient.setQueriesData<FeedbackListData>(
    { queryKey: feedbackKeys.lists() },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((item) => (item.id === id ? patch(item) : item)),
        })),
      },
  );
};

export const findCachedFeedback = (
  queryClient: QueryClient,
  id: string,
): FeedbackItem | undefined => {
  const detail = queryClient.getQueryData<FeedbackItem>(feedbackKeys.detail(id));
  if (detail) return detail;
  for (const [, data] of queryClient.getQueriesData<FeedbackListData>({
    queryKey: feedbackKeys.lists(),
  })) {
    const found = data?.pages.flatMap((page) => page.items).find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
};

/**
 * Gives the detail cache the list's copy of an item while its own fetch is still out, so an
 * optimistic patch made from the detail panel shows at once instead of after the refetch.
 */
export const seedDetailFromLists = (queryClient: QueryClient, id: string) => {
  if (queryClient.getQueryData(feedbackKeys.detail(id))) return;
  const cached = findCachedFeedback(queryClient, id);
  if (cached) queryClient.setQueryData(feedbackKeys.detail(id), cached);
};

/**
 * Puts a just-submitted item where each cached list would show it, so it appears before the read
 * model catches up. Lists sorted by votes take it only where zero-vote items begin.
 */
export const insertFeedback = (queryClient: QueryClient, item: FeedbackItem) => {
  for (const [queryKey, data] of queryClient.getQueriesData<FeedbackListData>({
    queryKey: feedbackKeys.lists(),
  })) {
    const { sort, view, ...narrowing } = filtersOf(queryKey);
    const unfiltered =
      (view === undefined || view === 'inbox') && Object.keys(narrowing).length === 0;
    if (!data || !unfiltered || item.moderation !== 'approved') continue;
    if (data.pages.some((page) => page.items.some((existing) => existing.id === item.id))) continue;

    const pages = data.pages.map((page) => ({ ...page, items: [...page.items] }));
    if (sort === 'votes') {
      const target = pages.find((page) => page.items.some((existing) => existing.voteCount === 0));
      if (target) {
        target.items.splice(
          target.items.findIndex((existing) => existing.voteCount === 0),
          0,
          item,
        );
      } else if (pages.at(-1)?.nextCursor === null) {
        pages.at(-1)?.items.push(item);
      } else {
        continue;
      }
    } else {
      pages[0]?.items.unshift(item);
    }
    queryClient.setQueryData<FeedbackListData>(queryKey, { ...data, pages });
  }
};
