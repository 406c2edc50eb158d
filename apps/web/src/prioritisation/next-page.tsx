import {
  backlogItemKindNames,
  backlogItemStatusNames,
  type BacklogItemKindName,
  type RankedItem,
} from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, Select, Skeleton } from '@chorus/ui';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import {
  backlogItemHref,
  BacklogStatusBadge,
  formatPoints,
  KindBadge,
  kindLabels,
} from '../backlog/backlog-ui';
import { BacklogIcon, ChevronUpIcon } from '../icons';
import { useCan, whoCan } from '../auth/use-can';
import { FormError } from '../lib/form-error';
import { plural } from '../lib/format';
import { useActivateModel, useNextList, useScoringModels } from './prioritisation-queries';
import { formatScore, ScoreBreakdown } from './score-breakdown';

const Status = ({ status }: { status: string }) => {
  const known = backlogItemStatusNames.find((name) => name === status);
  return known ? <BacklogStatusBadge status={known} /> : <span>{status}</span>;
};

const NextRow = ({ entry, position }: { entry: RankedItem; position: number }) => {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <li className="next-row" data-testid="next-row" data-item-id={entry.itemId}>
      <div className="next-row__summary">
        <span className="backlog-row__position">{position}</span>
        <KindBadge kind={entry.kind} />
        <Link className="backlog-row__title" href={backlogItemHref(entry.itemId)}>
          {entry.title}
        </Link>
        <span className="backlog-row__points">{formatPoints(entry.estimate)}</span>
        <Status status={entry.status} />
        <span className="next-row__score">
          <span className="ui-visually-hidden">Score: </span>
          {formatScore(entry.score)}
        </span>
        <Button
          size="sm"
          variant="ghost"
          className={open ? 'next-row__toggle is-open' : 'next-row__toggle'}
          icon={<ChevronUpIcon />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide' : 'Why'}
          <span className="ui-visually-hidden"> the score of “{entry.title}”</span>
        </Button>
      </div>
      <div id={panelId} className="next-row__breakdown" hidden={!open}>
        {open &&
          (entry.breakdown ? (
            <ScoreBreakdown
              breakdown={entry.breakdown}
              caption={`How the score of “${entry.title}” is made up`}
            />
          ) : (
            <p className="detail__muted">Not scored yet: the score appears in a moment.</p>
          ))}
      </div>
    </li>
  );
};

/** Which model ranks the list; choosing another makes it the workspace's active model. */
const ModelSwitcher = () => {
  const models = useScoringModels();
  const activate = useActivateModel();
  const manager = useCan()('prioritisation.manage');
  if (models.isError) {
    return <FormError error={models.error} inline />;
  }
  return (
    <div className="model-switcher">
      <Select
        label="Scoring model"
        value={models.data?.activeModelId ?? ''}
        disabled={!manager || !models.data || activate.isPending}
        title={
          manager ? undefined : `Choosing the model is for ${whoCan('prioritisation.manage')}.`
        }
        options={
          models.data
            ? models.data.models.map((model) => ({ value: model.id, label: model.name }))
            : [{ value: '', label: 'Loading…' }]
        }
        hint={
          <Link href="/settings/scoring">
            {manager ? 'Manage scoring models' : 'See the scoring models'}
          </Link>
        }
        onChange={(event) => activate.mutate(event.target.value)}
      />
      <FormError error={activate.error} />
    </div>
  );
};

const NextPage = () => {
  const [kind, setKind] = useState<BacklogItemKindName | ''>('');
  const next = useNextList(kind ? { kind } : {});
  const items = next.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page page--wide">
      <div className="page-header">
        <div>
          <p className="page-header__eyebrow">
            <Link href="/backlog">Backlog</Link>
          </p>
          <h1 className="page-header__title">What to build next</h1>
          <p className="page-header__lead">
            Backlog items not yet planned into a sprint, ranked by score under the active model.
            Open a row to see why it scores what it does.
          </p>
        </div>
      </div>
      <div className="backlog-filters">
        <ModelSwitcher />
        <Select
          className="backlog-filters__field"
          label="Kind"
          value={kind}
          options={[
            { value: '', label: 'All kinds' },
            ...backlogItemKindNames.map((name) => ({ value: name, label: kindLabels[name] })),
          ]}
          onChange={(event) => setKind(event.target.value as BacklogItemKindName | '')}
        />
      </div>
      <Card padded={false}>
        {next.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={index} height="2.25rem" />
            ))}
          </div>
        ) : next.isLoadingError ? (
          <ErrorState
            title="Couldn't rank the backlog"
            detail={describeError(next.error)}
            onRetry={() => void next.refetch()}
            retrying={next.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<BacklogIcon />}
            title="Nothing to rank yet"
            hint="Items waiting in the backlog appear here, best score first."
            action={
              <Link className="ui-button ui-button--secondary ui-button--md" href="/backlog">
                Open the backlog
              </Link>
            }
          />
        ) : (
          <ol
            className="next-list"
            aria-label="Backlog items by score"
            aria-busy={next.isFetching}
            data-stale={next.isPlaceholderData || undefined}
          >
            {items.map((entry, index) => (
              <NextRow key={entry.itemId} entry={entry} position={index + 1} />
            ))}
          </ol>
        )}
        {items.length > 0 && (
          <div className="feedback-list__footer">
            {next.isFetchNextPageError && (
              <ErrorState compact title="Couldn't load more" detail={describeError(next.error)} />
            )}
            {next.hasNextPage ? (
              <Button onClick={() => void next.fetchNextPage()} loading={next.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <span className="feedback-list__end">{plural(items.length, 'item')}</span>
            )}
          </div>
        )}
      </Card>
    </div>
  );
};

export default NextPage;
