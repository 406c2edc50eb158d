import { feedbackStatusLabels } from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { MessagesIcon } from '../icons';
import { plural } from '../lib/format';
import { useNow } from '../lib/use-now';
import type { FeedbackListFilters } from '../queries/feedback-keys';
import { useFeedbackList } from '../queries/feedback-queries';
import { FeedbackRow } from './feedback-row';

type FeedbackListProps = {
  filters: FeedbackListFilters;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onSubmitFeedback: () => void;
  onClearStatus: () => void;
};

/** Pages can overlap when the read model reorders between fetches; show each item once. */
const uniqueById = (items: FeedbackItem[]): FeedbackItem[] => {
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

export const FeedbackList = ({
  filters,
  selectedId,
  onOpen,
  onSubmitFeedback,
  onClearStatus,
}: FeedbackListProps) => {
  const list = useFeedbackList(filters);
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

  const items = uniqueById(list.data.pages.flatMap((page) => page.items));

  if (items.length === 0) {
    return (
      <Card padded={false} aria-live="polite">
        {filters.status === 'all' ? (
          <EmptyState
            icon={<MessagesIcon />}
            title="No feedback yet"
            hint="When customers share ideas and problems, they land here, ranked by votes."
            action={
              <Button variant="primary" onClick={onSubmitFeedback}>
                Submit feedback
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<MessagesIcon />}
            title={`Nothing is ${feedbackStatusLabels[filters.status].toLowerCase()}`}
            hint="No feedback has this status right now."
            action={<Button onClick={onClearStatus}>Show all statuses</Button>}
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
            now={now}
            onOpen={onOpen}
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
