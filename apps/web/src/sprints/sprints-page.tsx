import { sprintStates, type SprintStateName } from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, SegmentedControl, Skeleton } from '@chorus/ui';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { PlusIcon, SprintIcon } from '../icons';
import { updateSearchParams, useSearchParam } from '../lib/url-state';
import { NewSprintDialog } from './new-sprint-dialog';
import { useSprints } from './sprint-queries';
import { formatDays, SprintStateBadge } from './sprint-ui';

type StateFilter = SprintStateName | 'all';

const filterOptions = [
  { value: 'all', label: 'All' },
  { value: 'planned', label: 'Planned' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
] as const;

const readFilter = (value: string | null): StateFilter =>
  sprintStates.find((state) => state === value) ?? 'all';

const sprintHref = (id: string) => `/sprints/${encodeURIComponent(id)}`;

const SprintsPage = () => {
  const [, navigate] = useLocation();
  const filter = readFilter(useSearchParam('state'));
  const sprints = useSprints(filter === 'all' ? null : filter);
  const [creating, setCreating] = useState(false);
  const manager = useCan()('sprints.manage');
  const items = sprints.data?.items ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Sprints</h1>
          <p className="page-header__lead">
            Plan ready work into a time box, run the board, and accept what is done.
          </p>
        </div>
        {manager && (
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
            New sprint
          </Button>
        )}
      </div>
      <SegmentedControl
        className="page__filter"
        label="Show sprints"
        value={filter}
        options={filterOptions}
        onChange={(value) =>
          updateSearchParams({ state: value === 'all' ? null : value }, 'replace')
        }
      />
      <Card padded={false}>
        {sprints.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 4 }, (_, index) => (
              <Skeleton key={index} height="1.5rem" />
            ))}
          </div>
        ) : sprints.isError ? (
          <ErrorState
            title="Couldn't load sprints"
            detail={describeError(sprints.error)}
            onRetry={() => void sprints.refetch()}
            retrying={sprints.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<SprintIcon />}
            title={filter === 'all' ? 'No sprints yet' : `No ${filter} sprints`}
            hint={
              filter !== 'all'
                ? 'Other sprints are under “All”.'
                : manager
                  ? 'Create one, then plan ready backlog items into it.'
                  : undefined
            }
            action={
              filter === 'all' &&
              manager && (
                <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
                  New sprint
                </Button>
              )
            }
          />
        ) : (
          <table className="table" aria-busy={sprints.isFetching}>
            <caption className="ui-visually-hidden">Sprints</caption>
            <thead>
              <tr>
                <th scope="col">Sprint</th>
                <th scope="col">State</th>
                <th scope="col">Dates</th>
                <th scope="col" className="table__number">
                  Capacity
                </th>
                <th scope="col" className="table__number">
                  Planned
                </th>
                <th scope="col" className="table__number">
                  Accepted
                </th>
                <th scope="col" className="table__number">
                  Items
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((sprint) => (
                <tr key={sprint.id} data-testid="sprint-row">
                  <th scope="row">
                    <Link href={sprintHref(sprint.id)}>{sprint.name}</Link>
                    {sprint.goal && <span className="table__hint table__goal"> {sprint.goal}</span>}
                  </th>
                  <td>
                    <SprintStateBadge state={sprint.state} />
                  </td>
                  <td>{formatDays(sprint.startDate, sprint.endDate)}</td>
                  <td className="table__number">{sprint.capacity.toLocaleString()}</td>
                  <td className="table__number">
                    <span className={sprint.overCapacity ? 'table__over' : undefined}>
                      {sprint.plannedPoints.toLocaleString()}
                    </span>
                    {sprint.overCapacity && (
                      <span className="ui-visually-hidden"> (over capacity)</span>
                    )}
                  </td>
                  <td className="table__number">{sprint.acceptedPoints.toLocaleString()}</td>
                  <td className="table__number">{sprint.itemCount.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <NewSprintDialog
        open={creating && manager}
        onClose={() => setCreating(false)}
        onCreated={(sprint) => {
          setCreating(false);
          navigate(sprintHref(sprint.id));
        }}
      />
    </div>
  );
};

export default SprintsPage;
