import type { DashboardNames, DashboardParams, DrillRow } from '@chorus/domain/client';
import { Button, Dialog, ErrorState, Spinner, StatusBadge } from '@chorus/ui';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { backlogItemHref, feedbackHref, formatPoints, KindBadge } from '../backlog/backlog-ui';
import { formatDateTime, plural } from '../lib/format';
import type { Drill } from './dashboard-context';
import { useDrill } from './dashboard-queries';

const stageLabels: Record<Extract<DrillRow, { kind: 'backlogItem' }>['stage'], string> = {
  backlog: 'Waiting in the backlog',
  sprint: 'In a sprint',
  accepted: 'Accepted',
  released: 'Released',
};

const RowView = ({ row, names }: { row: DrillRow; names: DashboardNames }) =>
  row.kind === 'feedback' ? (
    <li className="drill-row" data-testid="drill-row">
      <Link className="drill-row__title" href={feedbackHref(row.id)}>
        {row.title}
      </Link>
      <span className="drill-row__meta">
        <StatusBadge status={row.statusId} label={names.statuses[row.statusId] ?? row.statusId} />
        <span>{names.boards[row.boardId] ?? row.boardId}</span>
        <span>{plural(row.votes, 'vote')}</span>
        <span>Submitted {formatDateTime(row.submittedAt)}</span>
      </span>
    </li>
  ) : (
    <li className="drill-row" data-testid="drill-row">
      <Link className="drill-row__title" href={backlogItemHref(row.id)}>
        {row.title}
      </Link>
      <span className="drill-row__meta">
        <KindBadge kind={row.itemKind} />
        <span>{stageLabels[row.stage]}</span>
        <span>{formatPoints(row.estimate)}</span>
        <span>Created {formatDateTime(row.createdAt)}</span>
      </span>
    </li>
  );

const DrillRows = ({
  drill,
  params,
  names,
}: {
  drill: Drill;
  params: DashboardParams;
  names: DashboardNames;
}) => {
  const { title: _title, ...target } = drill;
  const rows = useDrill(target, params);
  if (rows.isPending) return <Spinner label="Loading the items" />;
  // A failed “load more” keeps the rows already listed; only a failed first page replaces them.
  if (!rows.data) {
    return (
      <ErrorState
        compact
        title="Couldn't list the items"
        detail={describeError(rows.error)}
        onRetry={() => void rows.refetch()}
        retrying={rows.isFetching}
      />
    );
  }
  const list = rows.data.pages.flatMap((page) => page.rows);
  const total = rows.data.pages[0]?.total ?? list.length;
  if (list.length === 0) return <p className="drill__empty">Nothing to list for these filters.</p>;
  return (
    <>
      <p className="drill__count" data-testid="drill-count">
        {list.length < total
          ? `Showing ${list.length.toLocaleString()} of ${total.toLocaleString()}`
          : plural(total, 'item')}
      </p>
      <ul className="drill__list" aria-label={drill.title}>
        {list.map((row) => (
          <RowView key={`${row.kind}-${row.id}`} row={row} names={names} />
        ))}
      </ul>
      {rows.hasNextPage && (
        <Button
          className="drill__more"
          loading={rows.isFetchingNextPage}
          onClick={() => void rows.fetchNextPage()}
        >
          Load more
        </Button>
      )}
      {rows.isFetchNextPageError && (
        <ErrorState compact title="Couldn't load more" detail={describeError(rows.error)} />
      )}
    </>
  );
};

/** The feedback or backlog items behind a number, newest first, each linking to its page. */
export const DrillDialog = ({
  drill,
  params,
  names,
  onClose,
}: {
  drill: Drill | null;
  params: DashboardParams;
  names: DashboardNames;
  onClose: () => void;
}) => (
  <Dialog
    open={drill !== null}
    onClose={onClose}
    title={drill?.title ?? 'Items'}
    className="drill-dialog"
  >
    {drill && (
      <div className="drill">
        <DrillRows drill={drill} params={params} names={names} />
      </div>
    )}
  </Dialog>
);
