import type { FeedbackStatus } from '@chorus/domain/client';
import type { FeedbackSort } from '../api/types';

export type FeedbackListFilters = {
  sort: FeedbackSort;
  status: FeedbackStatus | 'all';
};

export const feedbackKeys = {
  all: ['feedback'] as const,
  lists: () => [...feedbackKeys.all, 'list'] as const,
  list: (filters: FeedbackListFilters) => [...feedbackKeys.lists(), filters] as const,
  detail: (id: string) => [...feedbackKeys.all, 'detail', id] as const,
};
