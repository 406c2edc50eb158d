import { Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { MessagesIcon } from '../icons';
import { plural } from '../lib/format';
import { useNow } from '../lib/use-now';
import type { FeedbackListFilters } from '../queries/feedback-keys';
import type { useFeedbackList } from '../queries/feedback-queries';
import { FeedbackRow } from './feedback-row';
import { activeFilterCount } from './inbox-filters';

type FeedbackListProps = {
  list: ReturnType<typeof useFeedbackList>;
  items: FeedbackItem[];
  filters: FeedbackListFilters;
  selectedId: string | null;
  cursorId: string | null;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
  /** Absent when the person's role may not submit feedback. */
  onSubmitFeedback?: (() => void) | undefined;
  onClearFilters: () => void;
};

/** Pages can overlap when the read model reorders between fetches; show each item once. */
export const uniqueById = (items: FeedbackItem[]): FeedbackItem[] => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
};

const ListSkeleton = () => (
  <Card padded={false} className="feedback-list-card">
    <ul className="feedback-list" aria-hidden="true">
      {Array.from({ length: 6 }, (_, index) => (
        <li key={index} className="feedback-row feedback-row--skeleton">
          <Skeleton width="2.5rem" height="2.75rem" radius="8px" />
          <span className="feedback-row__main">
            <Skeleton width={`${60 - (index % 3) * 12}%`} height="0.95rem" />
            <Skeleton width="9rem" height="0.75rem" />
          </span>
          <Skeleton width="5.5rem" height="1.375rem" radius="999px" />
        </li>
      ))}
    </ul>
  </Card>
);

const emptyCopy: Record<NonNullable<FeedbackListFilters['view']>, [string, string]> = {
  inbox: ['No feedback yet', 'When customers share ideas and problems, they land here.'],
  pending: ['Nothing waits for approval', 'Posts on boards that require approval show up here.'],
  spam: ['No spam', 'Feedback marked as spam is kept here, out of the inbox.'],
  merged: ['No merged duplicates', 'Duplicates you merge into another item are listed here.'],
};

export const FeedbackList = ({
  list,
  items,
  filters,
  selectedId,
  cursorId,
  onOpen,
  onFocusRow,
  onSubmitFeedback,
  onClearFilters,
}: FeedbackListProps) => {
  const now = useNow();

  if (list.isPending) {
    return (
      <>
        <p className="ui-visually-hidden" role="status">
          Loading feedback…
        </p>
        <ListSkeleton />
      </>
    );
  }

  if (list.isLoadingError) {
    return (
      <Card padded={false}>
        <ErrorState
          title="Couldn't load feedback"
          detail={describeError(list.error)}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      </Card>
    );
  }

  if (items.length === 0) {
    const filtered = activeFilterCount(filters) > 0;
    const [title, hint] = emptyCopy[filters.view ?? 'inbox'];
    return (
      <Card padded={false} aria-live="polite">
        {filtered ? (
          <EmptyState
            icon={<MessagesIcon />}
            title="Nothing matches these filters"
            hint="Try fewer filters, or another view."
            action={<Button onClick={onClearFilters}>Clear filters</Button>}
          />
        ) : (
          <EmptyState
            icon={<MessagesIcon />}
            title={title}
            hint={hint}
            action={
              (filters.view ?? 'inbox') === 'inbox' && onSubmitFeedback ? (
                <Button variant="primary" onClick={onSubmitFeedback}>
                  Submit feedback
                </Button>
              ) : undefined
            }
          />
        )}
      </Card>
    );
  }

  return (
    <Card padded={false} className="feedback-list-card">
      <p className="ui-visually-hidden" aria-live="polite">
        {`${plural(items.length, 'feedback item')} shown${list.hasNextPage ? ', more available' : ''}.`}
      </p>
      <ul
        className="feedback-list"
        data-testid="feedback-list"
        aria-label="Feedback"
        aria-busy={list.isFetching && !list.isFetchingNextPage}
        data-stale={list.isPlaceholderData || undefined}
      >
        {items.map((item) => (
          <FeedbackRow
            key={item.id}
            item={item}
            selected={item.id === selectedId}
            cursor={item.id === cursorId}
            now={now}
            onOpen={onOpen}
            onFocusRow={onFocusRow}
          />
        ))}
      </ul>
      <div className="feedback-list__footer">
        {list.isFetchNextPageError && (
          <ErrorState
            compact
            title="Couldn't load more feedback"
            detail={describeError(list.error)}
          />
        )}
        {list.hasNextPage ? (
          <Button
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            className="feedback-list__more"
          >
            {list.isFetchNextPageError ? 'Try again' : 'Load more'}
          </Button>
        ) : (
          <span className="feedback-list__end">
            {items.length > 1 ? `All ${items.length.toLocaleString()} shown` : 'That’s everything'}
          </span>
        )}
      </div>
    </Card>
  );
};
