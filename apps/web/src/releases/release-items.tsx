import type { ReleaseView } from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import {
  backlogItemHref,
  BacklogStatusBadge,
  formatPoints,
  KindBadge,
} from '../backlog/backlog-ui';
import { useBacklogList } from '../backlog/backlog-queries';
import { FormError } from '../lib/form-error';
import { plural } from '../lib/format';
import { useAddReleaseItem, useRemoveReleaseItem } from './release-queries';

const acceptedFilters = { status: 'accepted' } as const;

/** Accepted items, not released yet, that this release does not hold. */
const Candidates = ({ release }: { release: ReleaseView }) => {
  const accepted = useBacklogList(acceptedFilters);
  const add = useAddReleaseItem(release.id);
  const inRelease = new Set(release.items.map((item) => item.id));
  const items = (accepted.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (item) => !inRelease.has(item.id),
  );

  return (
    <section className="release-items__add" aria-labelledby="release-candidates">
      <h3 id="release-candidates" className="detail__section-title">
        Accepted, not released
      </h3>
      <FormError error={add.error} />
      {accepted.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          <Skeleton height="2rem" />
          <Skeleton height="2rem" />
        </div>
      ) : accepted.isLoadingError ? (
        <ErrorState
          compact
          title="Couldn't load accepted items"
          detail={describeError(accepted.error)}
          onRetry={() => void accepted.refetch()}
          retrying={accepted.isFetching}
        />
      ) : items.length === 0 ? (
        <p className="detail__muted">
          No other accepted item is waiting. Items are accepted on the sprint board.
        </p>
      ) : (
        <ul className="planning__list" aria-label="Accepted items to add">
          {items.map((item) => (
            <li
              key={item.id}
              className="planning__item"
              data-testid="release-candidate"
              data-item-id={item.id}
            >
              <div className="planning__text">
                <span className="planning__title">
                  <KindBadge kind={item.kind} />
                  <Link href={backlogItemHref(item.id)}>{item.title}</Link>
                </span>
                <span className="planning__meta">
                  {formatPoints(item.estimate)} ·{' '}
                  {plural(item.feedback.length, 'linked feedback', 'linked feedback')}
                </span>
              </div>
              <Button
                size="sm"
                loading={add.isPending && add.variables === item.id}
                aria-label={`Add “${item.title}” to the release`}
                onClick={() => add.mutate(item.id)}
              >
                Add
              </Button>
            </li>
          ))}
        </ul>
      )}
      {accepted.hasNextPage && (
        <Button
          size="sm"
          onClick={() => void accepted.fetchNextPage()}
          loading={accepted.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </section>
  );
};

export const ReleaseItems = ({ release }: { release: ReleaseView }) => {
  const remove = useRemoveReleaseItem(release.id);
  const manager = useCan()('releases.manage');
  const editable = release.state !== 'published' && manager;
  return (
    <Card>
      <div className="card__title-row">
        <h2 className="card__title">Items</h2>
        <span className="card__meta">
          {plural(release.items.length, 'item')} ·{' '}
          {plural(release.linkedFeedbackCount, 'linked feedback', 'linked feedback')}
        </span>
      </div>
      <FormError error={remove.error} />
      {release.items.length === 0 ? (
        <EmptyState
          title="No items yet"
          hint={editable ? 'Add the accepted backlog items this release delivers.' : undefined}
        />
      ) : (
        <ul className="planning__list" aria-label="Items in this release">
          {release.items.map((item) => (
            <li
              key={item.id}
              className="planning__item"
              data-testid="release-item"
              data-item-id={item.id}
            >
              <div className="planning__text">
                <span className="planning__title">
                  <KindBadge kind={item.kind} />
                  <Link href={backlogItemHref(item.id)}>{item.title}</Link>
                </span>
                <span className="planning__meta">
                  {formatPoints(item.estimate)}{' '}
                  {(item.status === 'accepted' || item.status === 'released') && (
                    <BacklogStatusBadge status={item.status} />
                  )}
                </span>
              </div>
              {editable && (
                <Button
                  size="sm"
                  variant="ghost"
                  loading={remove.isPending && remove.variables === item.id}
                  aria-label={`Remove “${item.title}” from the release`}
                  onClick={() => remove.mutate(item.id)}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && <Candidates release={release} />}
    </Card>
  );
};
