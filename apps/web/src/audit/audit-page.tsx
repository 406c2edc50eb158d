import { Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { describeError, ProblemError } from '../api/problem-error';
import { AuditIcon } from '../icons';
import { useTableDownload } from '../lib/download';
import { FormError } from '../lib/form-error';
import { plural } from '../lib/format';
import { auditCsvPath, type AuditFilters } from './audit-api';
import { AuditFilterBar } from './audit-filters';
import { clearedAuditFilters, setAuditFilters, useAuditFilters } from './audit-params';
import { useAuditTrail } from './audit-queries';
import { AuditTable } from './audit-table';

/** Saves the CSV of every entry the filters match, fetched with the person's token. */
const ExportButton = ({ filters }: { filters: AuditFilters }) => {
  const { busy, error, download } = useTableDownload();
  const filename = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
  return (
    <span className="audit-export">
      <FormError error={error} inline />
      <Button loading={busy} onClick={() => download(auditCsvPath(filters), filename)}>
        Export CSV
      </Button>
    </span>
  );
};

const failureTitle = (error: unknown): string => {
  if (!(error instanceof ProblemError)) return "Couldn't load the audit trail";
  if (error.status === 403) return 'Only admins can read the audit trail';
  // Each filter the API refused also says why beside itself.
  if (error.status === 400) return 'These filters cannot be applied';
  return "Couldn't load the audit trail";
};

/** Trying again helps only when the failure may pass (network, overload, a server error). */
const mayPass = (error: unknown) => !(error instanceof ProblemError) || error.isTransient;

const AuditPage = () => {
  const filters = useAuditFilters();
  const trail = useAuditTrail(filters);
  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = Object.values(filters).some((value) => value !== undefined);
  // Every entry of a trail filtered by actor is theirs: the first names them.
  const actorName =
    (filters.actorId && entries.find((entry) => entry.actor.id === filters.actorId)?.actor.name) ||
    null;
  const refusal = trail.isLoadingError ? trail.error : null;

  return (
    <div className="page page--wide">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Audit trail</h1>
          <p className="page-header__lead">
            Who did what, when, to which resource: read from the event log itself, newest first.
          </p>
        </div>
        <div className="page-header__actions">
          <ExportButton filters={filters} />
        </div>
      </div>
      <AuditFilterBar filters={filters} actorName={actorName} error={refusal} />
      <Card padded={false}>
        {trail.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 8 }, (_, index) => (
              <Skeleton key={index} height="1.5rem" />
            ))}
          </div>
        ) : trail.isLoadingError ? (
          <ErrorState
            title={failureTitle(trail.error)}
            detail={describeError(trail.error)}
            onRetry={mayPass(trail.error) ? () => void trail.refetch() : undefined}
            retrying={trail.isFetching}
          />
        ) : entries.length === 0 ? (
          <EmptyState
            icon={<AuditIcon />}
            title={filtered ? 'Nothing matches these filters' : 'Nothing has happened yet'}
            hint={
              filtered
                ? 'Widen the dates, or choose another person, event type or resource.'
                : 'Every change made in this workspace will be listed here.'
            }
            action={
              filtered && (
                <Button onClick={() => setAuditFilters(clearedAuditFilters)}>Clear filters</Button>
              )
            }
          />
        ) : (
          <AuditTable entries={entries} busy={trail.isFetching} />
        )}
        {entries.length > 0 && (
          <div className="feedback-list__footer">
            {trail.isFetchNextPageError && (
              <ErrorState compact title="Couldn't load more" detail={describeError(trail.error)} />
            )}
            {trail.hasNextPage ? (
              <Button onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <span className="feedback-list__end">
                {plural(entries.length, 'entry', 'entries')}
              </span>
            )}
          </div>
        )}
      </Card>
    </div>
  );
};

export default AuditPage;
