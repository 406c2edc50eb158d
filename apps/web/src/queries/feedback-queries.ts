import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  fetchComments,
  fetchFeedback,
  fetchFeedbackPage,
  fetchFollowers,
  fetchMergePreview,
  fetchTeammates,
  fetchTimeline,
  searchFeedback,
  fetchSimilarFeedback,
} from '../api/client';
import { isProblem } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { findCachedFeedback } from './feedback-cache';
import { feedbackKeys, searchKeys, type FeedbackListFilters } from './feedback-keys';
import { shouldRetry } from './query-client';

const PAGE_SIZE = 20;

export const useFeedbackList = (filters: FeedbackListFilters) =>
  useInfiniteQuery({
    queryKey: feedbackKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchFeedbackPage({ ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
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

/** A title for an id, from any cache, fetching it only when nothing cached knows it. */
export const useFeedbackTitle = (id: string | null) => {
  const queryClient = useQueryClient();
  return useQuery<FeedbackItem, Error, string, ReturnType<typeof feedbackKeys.detail>>({
    queryKey: feedbackKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchFeedback(id ?? '', signal),
    enabled: id !== null,
    placeholderData: () => (id ? findCachedFeedback(queryClient, id) : undefined),
    select: (item) => item.title,
  });
};

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: feedbackKeys.timeline(id),
    queryFn: ({ signal }) => fetchTimeline(id, signal),
  });

export const useComments = (id: string) =>
  useQuery({
    queryKey: feedbackKeys.comments(id),
    queryFn: ({ signal }) => fetchComments(id, signal),
  });

export const useFollowers = (id: string) =>
  useQuery({
    queryKey: feedbackKeys.followers(id),
    queryFn: ({ signal }) => fetchFollowers(id, signal),
  });

export const useTeammates = () =>
  useQuery({
    queryKey: ['teammates'],
    queryFn: ({ signal }) => fetchTeammates(signal),
    staleTime: 5 * 60_000,
  });

export const useMergePreview = (id: string, intoId: string | null) =>
  useQuery({
    queryKey: feedbackKeys.mergePreview(id, intoId ?? ''),
    queryFn: ({ signal }) => fetchMergePreview(id, intoId ?? '', signal),
    enabled: intoId !== null,
    staleTime: 0,
  });

export const useSearch = (q: string) =>
  useQuery({
    queryKey: searchKeys.search(q),
    queryFn: ({ signal }) => searchFeedback(q, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

export const useSimilarFeedback = (title: string) =>
  useQuery({
    queryKey: searchKeys.similar(title),
    queryFn: ({ signal }) => fetchSimilarFeedback(title, signal),
    enabled: title.trim().length >= 4,
    placeholderData: keepPreviousData,
    // Suggestions are a nicety: a failure stays quiet and is not retried.
    retry: false,
  });
