import type { ImportJob } from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { describeError } from '../../api/problem-error';
import { UploadIcon } from '../../icons';
import { plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { isFinished, useImportJobs } from '../../queries/imports';
import { JobStatusBadge, When } from './import-job';
import { sourceInfo } from './import-sources';

const result = (job: ImportJob): string => {
  if (!isFinished(job.status)) {
    return job.total === null
      ? 'Reading the file…'
      : `${job.processed.toLocaleString()} of ${job.total.toLocaleString()}`;
  }
  if (job.status === 'failed' && job.processed === 0) return 'Nothing applied';
  const parts = [
    `${job.created.toLocaleString()} ${job.dryRun ? 'would be created' : 'created'}`,
    `${job.updated.toLocaleString()} updated`,
    `${job.skipped.toLocaleString()} skipped`,
  ];
  if (job.errorCount > 0) parts.push(plural(job.errorCount, 'problem'));
  return parts.join(' · ');
};

/** The workspace's imports, newest first, each opened to show its summary and problems. */
export const RecentImports = ({
  openId,
  onOpen,
}: {
  openId: string | null;
  onOpen: (id: string) => void;
}) => {
  const jobs = useImportJobs();
  const now = useNow();
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card padded={false}>
      <div className="card__header">
        <h2 className="card__title">Recent imports</h2>
      </div>
      {jobs.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} height="1.5rem" />
          ))}
        </div>
      ) : jobs.isLoadingError ? (
        <ErrorState
          title="Couldn't load the imports"
          detail={describeError(jobs.error)}
          onRetry={() => void jobs.refetch()}
          retrying={jobs.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<UploadIcon />}
          title="Nothing imported yet"
          hint="Every import and dry run is listed here, with what it created and the problems it found."
        />
      ) : (
        <div className="import-history__scroll">
          <table className="table import-history">
            <caption className="ui-visually-hidden">Imports, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Result</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="ui-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr
                  key={job.id}
                  data-testid="import-row"
                  data-import-id={job.id}
                  data-status={job.status}
                  aria-current={job.id === openId ? 'true' : undefined}
                >
                  <td>
                    <When iso={job.createdAt} now={now} />
                  </td>
                  <th scope="row">{sourceInfo[job.source].label}</th>
                  <td>
                    <JobStatusBadge job={job} />
                  </td>
                  <td className="import-history__result">{result(job)}</td>
                  <td>{job.by.name ?? 'A former member'}</td>
                  <td className="import-history__actions">
                    <Button size="sm" variant="ghost" onClick={() => onOpen(job.id)}>
                      Open
                      <span className="ui-visually-hidden">
                        {' '}
                        the {job.dryRun ? 'dry run' : 'import'} of {sourceInfo[job.source].label}
                      </span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > 0 && (
        <div className="feedback-list__footer">
          {jobs.isFetchNextPageError && (
            <ErrorState compact title="Couldn't load more" detail={describeError(jobs.error)} />
          )}
          {jobs.hasNextPage ? (
            <Button onClick={() => void jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
              Load more
            </Button>
          ) : (
            <span className="feedback-list__end">{plural(items.length, 'import')}</span>
          )}
        </div>
      )}
    </Card>
  );
};
