import type { BacklogItemView, SprintDetail, SprintItemView } from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { backlogItemHref, formatPoints, KindBadge } from '../backlog/backlog-ui';
import { useBacklogList } from '../backlog/backlog-queries';
import { FormError } from '../lib/form-error';
import { plural } from '../lib/format';
import { boardItems, findOnBoard, usePlanItem, useUnplanItem } from './sprint-queries';

const candidateFilters = { sprintId: 'none', status: 'backlog' } as const;

/** Why an item cannot go into a sprint, or null if it can. */
const whyNotPlannable = (item: BacklogItemView): string | null =>
  item.kind === 'epic'
    ? 'Epics are not planned themselves: plan their stories.'
    : item.ready
      ? null
      : (item.notReadyReason ?? 'Not ready.');

const Candidates = ({
  sprint,
  onWarning,
}: {
  sprint: SprintDetail;
  onWarning: (warning: string | null) => void;
}) => {
  const candidates = useBacklogList(candidateFilters);
  const plan = usePlanItem(sprint.id);
  // An item on its way into the sprint is on the board already: it leaves this list at once.
  const items = (candidates.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (item) => !findOnBoard(sprint.items, item.id),
  );

  const add = (item: BacklogItemView) => {
    // The last answer's sentence no longer holds; the bar speaks for itself until the next one.
    onWarning(null);
    plan.mutate(
      {
        id: item.id,
        title: item.title,
        kind: item.kind,
        estimate: item.estimate,
        acceptanceCriteria: item.acceptanceCriteria,
        ready: item.ready,
      },
      { onSuccess: (result) => onWarning(result.warning) },
    );
  };

  return (
    <Card padded={false} className="planning__column">
      <div className="card__header">
        <h2 className="card__title">Ready backlog</h2>
        <span className="card__meta">In rank order</span>
      </div>
      <FormError error={plan.error} />
      {candidates.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} height="2.5rem" />
          ))}
        </div>
      ) : candidates.isLoadingError ? (
        <ErrorState
          title="Couldn't load the backlog"
          detail={describeError(candidates.error)}
          onRetry={() => void candidates.refetch()}
          retrying={candidates.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title="Nothing waiting in the backlog"
          hint={
            <>
              Items in no sprint show here. Write stories on the{' '}
              <Link href="/backlog">Backlog</Link> page.
            </>
          }
        />
      ) : (
        <ul className="planning__list" aria-label="Backlog items to plan">
          {items.map((item) => {
            const reason = whyNotPlannable(item);
            return (
              <li
                key={item.id}
                className="planning__item"
                data-testid="plan-candidate"
                data-item-id={item.id}
                aria-disabled={reason ? true : undefined}
              >
                <div className="planning__text">
                  <span className="planning__title">
                    <KindBadge kind={item.kind} />
                    <Link href={backlogItemHref(item.id)}>{item.title}</Link>
                  </span>
                  <span className="planning__meta">
                    {formatPoints(item.estimate)}
                    {reason && <span className="planning__reason"> · {reason}</span>}
                  </span>
                </div>
                <Button
                  size="sm"
                  disabled={reason !== null}
                  title={reason ?? undefined}
                  aria-label={`Add “${item.title}” to the sprint`}
                  onClick={() => add(item)}
                >
                  Add
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {items.length > 0 && (candidates.hasNextPage || candidates.isFetchNextPageError) && (
        <div className="feedback-list__footer">
          {candidates.isFetchNextPageError && (
            <ErrorState
              compact
              title="Couldn't load more"
              detail={describeError(candidates.error)}
            />
          )}
          <Button
            onClick={() => void candidates.fetchNextPage()}
            loading={candidates.isFetchingNextPage}
          >
            Load more
          </Button>
        </div>
      )}
    </Card>
  );
};

const Planned = ({
  sprint,
  onWarning,
}: {
  sprint: SprintDetail;
  onWarning: (warning: string | null) => void;
}) => {
  const unplan = useUnplanItem(sprint.id);
  const items = boardItems(sprint.items);
  const remove = (item: SprintItemView) => {
    onWarning(null);
    unplan.mutate(item, { onSuccess: (result) => onWarning(result.warning) });
  };

  return (
    <Card padded={false} className="planning__column">
      <div className="card__header">
        <h2 className="card__title">In this sprint</h2>
        <span className="card__meta">{plural(items.length, 'item')}</span>
      </div>
      <FormError error={unplan.error} />
      {items.length === 0 ? (
        <EmptyState
          title="Nothing planned yet"
          hint="Add ready items from the backlog; the capacity bar shows how full the sprint is."
        />
      ) : (
        <ul className="planning__list" aria-label="Planned items">
          {items.map((item) => {
            const finished = item.status === 'accepted' || item.status === 'released';
            return (
              <li
                key={item.id}
                className="planning__item"
                data-testid="planned-item"
                data-item-id={item.id}
              >
                <div className="planning__text">
                  <span className="planning__title">
                    <KindBadge kind={item.kind} />
                    <Link href={backlogItemHref(item.id)}>{item.title}</Link>
                  </span>
                  <span className="planning__meta">{formatPoints(item.estimate)}</span>
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={finished}
                  title={finished ? 'Accepted items stay with the sprint.' : undefined}
                  aria-label={`Remove “${item.title}” from the sprint`}
                  onClick={() => remove(item)}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
};

/** Left, what the backlog has ready; right, what the sprint holds. */
export const SprintPlanning = ({
  sprint,
  onWarning,
}: {
  sprint: SprintDetail;
  onWarning: (warning: string | null) => void;
}) => (
  <div className="planning">
    <Candidates sprint={sprint} onWarning={onWarning} />
    <Planned sprint={sprint} onWarning={onWarning} />
  </div>
);
