import type { FeedbackFilters, FeedbackSort } from '../api/types';

/** The inbox's sort and filters; absent filters are left out so equal lists share a cache key. */
export type FeedbackListFilters = FeedbackFilters & { sort: FeedbackSort };

export const feedbackKeys = {
  all: ['feedback'] as const,
  lists: () => [...feedbackKeys.all, 'list'] as const,
  list: (filters: FeedbackListFilters) => [...feedbackKeys.lists(), filters] as const,
  detail: (id: string) => [...feedbackKeys.all, 'detail', id] as const,
  timeline: (id: string) => [...feedbackKeys.all, 'timeline', id] as const,
  comments: (id: string) => [...feedbackKeys.all, 'comments', id] as const,
  followers: (id: string) => [...feedbackKeys.all, 'followers', id] as const,
  mergePreview: (id: string, intoId: string) =>
    [...feedbackKeys.all, 'merge-preview', id, intoId] as const,
};

export const searchKeys = {
  search: (q: string) => ['search', q] as const,
  similar: (title: string) => ['similar', title] as const,
};
