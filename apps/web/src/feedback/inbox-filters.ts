import { feedbackStatusLabels, feedbackStatuses } from '@chorus/domain/client';
import type { SegmentedOption, SelectOption } from '@chorus/ui';
import type { FeedbackSort } from '../api/types';
import { updateSearchParams, useSearchParam } from '../lib/url-state';
import type { FeedbackListFilters } from '../queries/feedback-keys';
import { isFeedbackStatus } from './validation';

const DEFAULT_SORT: FeedbackSort = 'votes';

export const sortOptions: readonly SegmentedOption<FeedbackSort>[] = [
  { value: 'votes', label: 'Most votes' },
  { value: 'newest', label: 'Newest' },
  { value: 'activity', label: 'Recent activity' },
];

export const statusFilterOptions: readonly SelectOption[] = [
  { value: 'all', label: 'All statuses' },
  ...feedbackStatuses.map((status) => ({ value: status, label: feedbackStatusLabels[status] })),
];

const isSort = (value: string | null): value is FeedbackSort =>
  sortOptions.some((option) => option.value === value);

/** Sort and filter live in the URL so a reload or a shared link shows the same inbox. */
export const useInboxFilters = (): FeedbackListFilters => {
  const sort = useSearchParam('sort');
  const status = useSearchParam('status');
  return {
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    status: isFeedbackStatus(status) ? status : 'all',
  };
};

export const setInboxFilters = ({ sort, status }: FeedbackListFilters) =>
  updateSearchParams(
    { sort: sort === DEFAULT_SORT ? null : sort, status: status === 'all' ? null : status },
    'replace',
  );
