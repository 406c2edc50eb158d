import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { fetchFeedback, fetchFeedbackPage } from '../api/client';
import { isProblem } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { findCachedFeedback } from './feedback-cache';
import { feedbackKeys, type FeedbackListFilters } from './feedback-keys';
import { shouldRetry } from './query-client';

const PAGE_SIZE = 20;

export const useFeedbackList = (filters: FeedbackListFilters) =>
  useInfiniteQuery({
    queryKey: feedbackKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchFeedbackPage(
        {
          sort: filters.sort,
          status: filters.status === 'all' ? null : filters.status,
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });

export const useFeedbackDetail = (id: string) => {
  const queryClient = useQueryClient();
  return useQuery<FeedbackItem, Error, FeedbackItem, ReturnType<typeof feedbackKeys.detail>>({
    queryKey: feedbackKeys.detail(id),
    queryFn: ({ signal }) => fetchFeedback(id, signal),
    placeholderData: () => findCachedFeedback(queryClient, id),
    // A just-submitted item may not have reached the read model yet, so a 404 gets a second look.
    retry: (failureCount, error) =>
      isProblem(error, 404) ? failureCount < 2 : shouldRetry(failureCount, error),
  });
};
