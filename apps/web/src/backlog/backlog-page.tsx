import {
  backlogItemKindNames,
  backlogItemStatusNames,
  type BacklogItemKindName,
  type BacklogItemStatusName,
} from '@chorus/domain/client';
import {
  Button,
  Card,
  Checkbox,
  EmptyState,
  ErrorState,
  Select,
  Skeleton,
  TextField,
} from '@chorus/ui';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { AsOfPicker, useAsOfSearchParam } from '../components/as-of-picker';
import { BacklogIcon, PlusIcon } from '../icons';
import { plural } from '../lib/format';
import { updateSearchParams, useSearchParam } from '../lib/url-state';
import { useScoreMap } from '../prioritisation/prioritisation-queries';
import { BacklogList } from './backlog-list';
import {
  useBacklogList,
  useRankItem,
  type BacklogListFilters,
  type RankMove,
} from './backlog-queries';
import { backlogItemHref, kindLabels, statusLabels } from './backlog-ui';
import { NewItemDialog } from './new-item-dialog';

const ALL = '';

/** The past backlog shows no scores: they are today's. */
const noScores: ReadonlyMap<string, number> = new Map();

const isKind = (value: string | null): value is BacklogItemKindName =>
  backlogItemKindNames.some((kind) => kind === value);
const isStatus = (value: string | null): value is BacklogItemStatusName =>
  backlogItemStatusNames.some((status) => status === value);

/** The filters live in the URL, so a filtered backlog can be shared and survives a reload. */
const useBacklogFilters = (): BacklogListFilters => {
  const kind = useSearchParam('kind');
  const status = useSearchParam('status');
  const label = useSearchParam('label');
  const unplanned = useSearchParam('unplanned');
  return {
    ...(isKind(kind) ? { kind } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(label ? { label } : {}),
    ...(unplanned === '1' ? { sprintId: 'none' } : {}),
  };
};

const LabelFilter = ({ value }: { value: string | undefined }) => {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => {
    const next = draft.trim();
    if (next !== (value ?? '')) updateSearchParams({ label: next || null }, 'replace');
  };
  return (
    <TextField
      className="backlog-filters__field"
      label="Label"
      placeholder="Any"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
};

const Filters = ({ filters }: { filters: BacklogListFilters }) => {
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="backlog-filters" role="group" aria-label="Filters">
      <Select
        className="backlog-filters__field"
        label="Kind"
        value={filters.kind ?? ALL}
        options={[
          { value: ALL, label: 'All kinds' },
          ...backlogItemKindNames.map((kind) => ({ value: kind, label: kindLabels[kind] })),
        ]}
        onChange={(event) => updateSearchParams({ kind: event.target.value || null }, 'replace')}
      />
      <Select
        className="backlog-filters__field"
        label="Status"
        value={filters.status ?? ALL}
        options={[
          { value: ALL, label: 'All statuses' },
          ...backlogItemStatusNames.map((status) => ({
            value: status,
            label: statusLabels[status],
          })),
        ]}
        onChange={(event) => updateSearchParams({ status: event.target.value || null }, 'replace')}
      />
      <LabelFilter value={filters.label} />
      <Checkbox
        className="backlog-filters__check"
        label="Unplanned only"
        hint="Items in no sprint"
        checked={filters.sprintId === 'none'}
        onChange={(event) =>
          updateSearchParams({ unplanned: event.target.checked ? '1' : null }, 'replace')
        }
      />
      {filtered && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() =>
            updateSearchParams(
              { kind: null, status: null, label: null, unplanned: null },
              'replace',
            )
          }
        >
          Clear filters
        </Button>
      )}
    </div>
  );
};

const BacklogPage = () => {
  const [, navigate] = useLocation();
  const filters = useBacklogFilters();
  const [asOf, setAsOf] = useAsOfSearchParam();
  // The past is read-only: no new items, no re-ranking; nor is the backlog for who may not plan.
  const past = asOf !== null;
  const planner = useCan()('backlog.plan') && !past;
  const backlog = useBacklogList(filters, asOf);
  const rank = useRankItem(filters);
  const scores = useScoreMap();
  const [creating, setCreating] = useState(false);
  const [failedMove, setFailedMove] = useState<{ title: string; error: unknown } | null>(null);
  const items = backlog.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

  const move = (change: RankMove) => {
    const title = items.find((item) => item.id === change.id)?.title ?? 'The item';
    setFailedMove(null);
    rank.mutate(change, {
      onError: (error) => setFailedMove({ title, error }),
    });
  };

  return (
    <div className="page page--wide">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Backlog</h1>
          <p className="page-header__lead">
            {past
              ? 'Everything the team could build, most important first, as it was ranked then.'
              : planner
                ? 'Everything the team could build, most important first. Drag an item to re-rank it.'
                : 'Everything the team could build, most important first.'}
          </p>
        </div>
        <div className="page-header__actions">
          <Link className="ui-button ui-button--secondary ui-button--md" href="/backlog/next">
            What to build next
          </Link>
          {planner && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
              New item
            </Button>
          )}
        </div>
      </div>
      <AsOfPicker value={asOf} onChange={setAsOf} what="the backlog" />
      <Filters filters={filters} />
      {failedMove && (
        <div className="banner banner--danger" role="alert">
          <p>
            Couldn't move “{failedMove.title}”: {describeError(failedMove.error)} It is back where
            it was.
          </p>
          <div className="banner__actions">
            <Button size="sm" variant="ghost" onClick={() => setFailedMove(null)}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
      <Card padded={false}>
        {backlog.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={index} height="2.25rem" />
            ))}
          </div>
        ) : backlog.isLoadingError ? (
          <ErrorState
            title="Couldn't load the backlog"
            detail={describeError(backlog.error)}
            onRetry={() => void backlog.refetch()}
            retrying={backlog.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<BacklogIcon />}
            title={
              filtered
                ? 'No item matches these filters'
                : past
                  ? 'The backlog was empty then'
                  : 'The backlog is empty'
            }
            hint={
              filtered
                ? 'Clear a filter or two to see more.'
                : planner
                  ? 'Add the epics, stories and tasks the team could work on, or create a story from a piece of feedback in the inbox.'
                  : undefined
            }
            action={
              filtered || !planner ? undefined : (
                <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
                  New item
                </Button>
              )
            }
          />
        ) : (
          <div aria-busy={backlog.isFetching}>
            <div className="backlog-list__head" aria-hidden="true">
              <span>Rank</span>
              <span>Item</span>
              <span>Estimate</span>
              <span>Status</span>
              <span>Ready</span>
              <span title="Linked feedback">Feedback</span>
              <span>Score</span>
            </div>
            <BacklogList
              items={items}
              scores={past ? noScores : scores}
              rankable={planner}
              sortable={!backlog.isPlaceholderData}
              onMove={move}
            />
          </div>
        )}
        {items.length > 0 && (
          <div className="feedback-list__footer">
            {backlog.isFetchNextPageError && (
              <ErrorState
                compact
                title="Couldn't load more"
                detail={describeError(backlog.error)}
              />
            )}
            {backlog.hasNextPage ? (
              <Button
                onClick={() => void backlog.fetchNextPage()}
                loading={backlog.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <span className="feedback-list__end">{plural(items.length, 'item')}</span>
            )}
          </div>
        )}
      </Card>
      <NewItemDialog
        open={creating && planner}
        preset={undefined}
        onCancel={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(backlogItemHref(id));
        }}
      />
    </div>
  );
};

export default BacklogPage;
