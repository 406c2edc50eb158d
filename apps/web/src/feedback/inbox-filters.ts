import {
  feedbackSorts,
  feedbackSources,
  inboxViews,
  type FeedbackSourceName,
  type InboxView,
} from '@chorus/domain/client';
import type { SegmentedOption } from '@chorus/ui';
import { useSearch } from 'wouter';
import type { FeedbackSort } from '../api/types';
import { updateSearchParams } from '../lib/url-state';
import type { FeedbackListFilters } from '../queries/feedback-keys';

export const DEFAULT_SORT: FeedbackSort = 'votes';

export const sortOptions: readonly SegmentedOption<FeedbackSort>[] = [
  { value: 'votes', label: 'Most votes' },
  { value: 'revenue', label: 'Revenue' },
  { value: 'trending', label: 'Trending' },
  { value: 'newest', label: 'Newest' },
  { value: 'activity', label: 'Activity' },
];

export const viewOptions: readonly SegmentedOption<InboxView>[] = [
  { value: 'inbox', label: 'Inbox' },
  { value: 'pending', label: 'Pending approval' },
  { value: 'spam', label: 'Spam' },
  { value: 'merged', label: 'Merged' },
];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly (string | null)[]).includes(value) ? (value as T) : undefined;

/** URL parameter → filter field; the URL uses short names a person can read and share. */
const params = {
  status: 'status',
  boardId: 'board',
  categoryId: 'category',
  tagId: 'tag',
  segment: 'segment',
  companyId: 'company',
  plan: 'plan',
  source: 'source',
} as const;

type TextFilter = keyof typeof params;

/** Sort and filters live in the URL so a reload or a shared link shows the same inbox. */
export const useInboxFilters = (): FeedbackListFilters => {
  const search = new URLSearchParams(useSearch());
  const filters: FeedbackListFilters = {
    sort: oneOf(feedbackSorts, search.get('sort')) ?? DEFAULT_SORT,
  };
  const view = oneOf(inboxViews, search.get('view'));
  if (view && view !== 'inbox') filters.view = view;
  for (const [field, param] of Object.entries(params) as [TextFilter, string][]) {
    const value = search.get(param)?.trim();
    if (!value) continue;
    if (field === 'source') {
      const source: FeedbackSourceName | undefined = oneOf(feedbackSources, value);
      if (source) filters.source = source;
    } else {
      filters[field] = value;
    }
  }
  if (search.get('unanswered') === 'true') filters.unanswered = true;
  return filters;
};

export const setInboxFilters = (filters: FeedbackListFilters) => {
  const changes: Record<string, string | null> = {
    sort: filters.sort === DEFAULT_SORT ? null : filters.sort,
    view: filters.view && filters.view !== 'inbox' ? filters.view : null,
    unanswered: filters.unanswered ? 'true' : null,
  };
  for (const [field, param] of Object.entries(params) as [TextFilter, string][]) {
    changes[param] = filters[field] ?? null;
  }
  updateSearchParams(changes, 'replace');
};

/** How many filters narrow the list, besides the view and sort. */
export const activeFilterCount = ({ sort: _sort, view: _view, ...rest }: FeedbackListFilters) =>
  Object.values(rest).filter((value) => value !== undefined && value !== false).length;

export const clearedFilters = ({ sort, view }: FeedbackListFilters): FeedbackListFilters =>
  view ? { sort, view } : { sort };
