import { releaseStates, type ReleaseState } from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, SegmentedControl, Skeleton } from '@chorus/ui';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { PlusIcon, ReleaseIcon } from '../icons';
import { formatDateTime, plural } from '../lib/format';
import { updateSearchParams, useSearchParam } from '../lib/url-state';
import { formatDay } from '../sprints/sprint-ui';
import { NewReleaseDialog } from './new-release-dialog';
import { useReleases } from './release-queries';
import { releaseHref, ReleaseStateBadge } from './release-ui';

type StateFilter = ReleaseState | 'all';

const filterOptions = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'published', label: 'Published' },
] as const;

const readFilter = (value: string | null): StateFilter =>
  releaseStates.find((state) => state === value) ?? 'all';

const ReleasesPage = () => {
  const [, navigate] = useLocation();
  const filter = readFilter(useSearchParam('state'));
  const releases = useReleases(filter === 'all' ? null : filter);
  const [creating, setCreating] = useState(false);
  const manager = useCan()('releases.manage');
  const items = releases.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Releases</h1>
          <p className="page-header__lead">
            Group accepted work, write the changelog, and tell everyone who asked that it shipped.
          </p>
        </div>
        <div className="page-header__actions">
          <Link className="ui-button ui-button--ghost ui-button--md" href="/changelog">
            Changelog
          </Link>
          {manager && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
              New release
            </Button>
          )}
        </div>
      </div>
      <SegmentedControl
        label="Show releases"
        value={filter}
        options={filterOptions}
        onChange={(value) =>
          updateSearchParams({ state: value === 'all' ? null : value }, 'replace')
        }
      />
      <Card padded={false}>
        {releases.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 4 }, (_, index) => (
              <Skeleton key={index} height="1.5rem" />
            ))}
          </div>
        ) : releases.isLoadingError ? (
          <ErrorState
            title="Couldn't load releases"
            detail={describeError(releases.error)}
            onRetry={() => void releases.refetch()}
            retrying={releases.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<ReleaseIcon />}
            title={filter === 'all' ? 'No releases yet' : `No ${filter} releases`}
            hint={
              filter !== 'all'
                ? 'Other releases are under “All”.'
                : manager
                  ? 'Create one, add accepted items, write its changelog and publish it.'
                  : undefined
            }
            action={
              filter === 'all' &&
              manager && (
                <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
                  New release
                </Button>
              )
            }
          />
        ) : (
          <table className="table" aria-busy={releases.isFetching}>
            <caption className="ui-visually-hidden">Releases</caption>
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">State</th>
                <th scope="col">Planned date</th>
                <th scope="col" className="table__number">
                  Items
                </th>
                <th scope="col" className="table__number">
                  Linked feedback
                </th>
                <th scope="col">Published or scheduled</th>
              </tr>
            </thead>
            <tbody>
              {items.map((release) => (
                <tr key={release.id} data-testid="release-row">
                  <th scope="row">
                    <Link href={releaseHref(release.id)}>{release.name}</Link>
                    {release.changelog && (
                      <span className="table__hint"> {release.changelog.title}</span>
                    )}
                  </th>
                  <td>
                    <ReleaseStateBadge state={release.state} />
                  </td>
                  <td>{formatDay(release.date)}</td>
                  <td className="table__number">{release.items.length.toLocaleString()}</td>
                  <td className="table__number">{release.linkedFeedbackCount.toLocaleString()}</td>
                  <td>
                    {release.publishedAt
                      ? formatDateTime(release.publishedAt)
                      : release.publishAt
                        ? formatDateTime(release.publishAt)
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {items.length > 0 && (
          <div className="feedback-list__footer">
            {releases.isFetchNextPageError && (
              <ErrorState
                compact
                title="Couldn't load more"
                detail={describeError(releases.error)}
              />
            )}
            {releases.hasNextPage ? (
              <Button
                onClick={() => void releases.fetchNextPage()}
                loading={releases.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <span className="feedback-list__end">{plural(items.length, 'release')}</span>
            )}
          </div>
        )}
      </Card>
      <NewReleaseDialog
        open={creating && manager}
        onClose={() => setCreating(false)}
        onCreated={(release) => {
          setCreating(false);
          navigate(releaseHref(release.id));
        }}
      />
    </div>
  );
};

export default ReleasesPage;
