import {
  importItemKinds,
  type ImportCounts,
  type ImportItemKind,
  type ImportJob,
  type ImportJobDetail,
  type ImportJobError,
  type ImportJobStatus,
} from '@chorus/domain/client';
import { Badge, Button, Card, ErrorState, Skeleton, type BadgeTone } from '@chorus/ui';
import { useId, useState, type Ref } from 'react';
import { describeError, isProblem } from '../../api/problem-error';
import { formatDateTime, formatRelativeTime, plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { importErrorsCsvPath, isFinished, useImportJob } from '../../queries/imports';
import { CsvDownloadButton } from '../export/csv-download-button';
import { itemKindLabels, sourceInfo } from './import-sources';

/** Problems shown at first, and added by each "Load more". */
const ERRORS_PAGE = 25;

export const statusLabels: Record<ImportJobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Failed',
};

export const statusTones: Record<ImportJobStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

export const JobStatusBadge = ({ job }: { job: ImportJob }) => (
  <span className="import-job__badges">
    <Badge tone={statusTones[job.status]} dot>
      {statusLabels[job.status]}
    </Badge>
    {job.dryRun && <Badge tone="violet">Dry run</Badge>}
  </span>
);

export const When = ({ iso, now }: { iso: string; now: number }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso, now)}
  </time>
);

/** How far the job is: processed of total records; until the file is read, no total yet. */
const JobProgress = ({ job }: { job: ImportJob }) => {
  const known = job.total !== null;
  const percent =
    job.status === 'succeeded'
      ? 100
      : job.total
        ? Math.min(100, Math.round((job.processed / job.total) * 100))
        : 0;
  const detail =
    job.status === 'queued'
      ? 'Waiting to start'
      : job.total === null
        ? 'Reading the file'
        : `${job.processed.toLocaleString()} of ${plural(job.total, 'record')} ${job.dryRun ? 'checked' : 'applied'}`;
  return (
    <div className="import-progress">
      <div
        className={
          known ? 'import-progress__track' : 'import-progress__track import-progress__track--busy'
        }
        role="progressbar"
        aria-label={job.dryRun ? 'Dry run progress' : 'Import progress'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? percent : undefined}
        aria-valuetext={known ? `${percent}%: ${detail}` : detail}
        data-testid="import-progress"
        data-percent={known ? percent : undefined}
      >
        {known && <span className="import-progress__fill" style={{ width: `${percent}%` }} />}
      </div>
      <span className="import-progress__text">
        {known && <strong>{percent}%</strong>} {detail}
      </span>
    </div>
  );
};

const summaryLine = (job: ImportJob): string => {
  const problems = job.errorCount
    ? `; ${plural(job.errorCount, 'problem')} found, ${job.errorCount === 1 ? 'its record' : 'those records'} ${job.dryRun ? 'would be' : 'were'} left out`
    : '';
  if (job.dryRun) {
    return `Dry run finished: nothing was changed. ${job.created.toLocaleString()} would be created, ${job.updated.toLocaleString()} updated, ${job.skipped.toLocaleString()} skipped${problems}.`;
  }
  return `Import finished: ${job.created.toLocaleString()} created, ${job.updated.toLocaleString()} updated, ${job.skipped.toLocaleString()} skipped${problems}.`;
};

const counts = (dryRun: boolean) =>
  [
    ['created', dryRun ? 'Would create' : 'Created'],
    ['updated', dryRun ? 'Would update' : 'Updated'],
    ['skipped', dryRun ? 'Would skip' : 'Skipped'],
  ] as const satisfies readonly (readonly [keyof ImportCounts, string])[];

/** Created, updated and skipped over every kind, then kind by kind. */
const JobCounts = ({ job }: { job: ImportJobDetail }) => {
  // In the order an import applies them: boards and tags first, feedback, then its votes.
  const kinds = importItemKinds.flatMap((kind): [ImportItemKind, ImportCounts][] => {
    const c = job.byKind[kind];
    return c && c.created + c.updated + c.skipped > 0 ? [[kind, c]] : [];
  });
  return (
    <>
      <dl className="import-counts">
        {counts(job.dryRun).map(([outcome, label]) => (
          <div key={outcome} className="import-counts__item">
            <dt>{label}</dt>
            <dd data-testid={`import-${outcome}`}>{job[outcome].toLocaleString()}</dd>
          </div>
        ))}
        <div className="import-counts__item">
          <dt>Problems</dt>
          <dd data-testid="import-problems">{job.errorCount.toLocaleString()}</dd>
        </div>
      </dl>
      {kinds.length > 0 && (
        <table className="table import-kinds">
          <caption className="ui-visually-hidden">What the file holds, kind by kind</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              {counts(job.dryRun).map(([outcome, label]) => (
                <th key={outcome} scope="col" className="table__number">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.map(([kind, c]) => (
              <tr key={kind}>
                <th scope="row">{itemKindLabels[kind]}</th>
                <td className="table__number">{c.created.toLocaleString()}</td>
                <td className="table__number">{c.updated.toLocaleString()}</td>
                <td className="table__number">{c.skipped.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};

/** The problems found, a page at a time, with the whole report as CSV. */
const JobErrors = ({ job }: { job: ImportJobDetail }) => {
  const [shown, setShown] = useState(ERRORS_PAGE);
  const visible = job.errors.slice(0, shown);
  const withParts = job.errors.some((error: ImportJobError) => error.part !== null);
  const day = job.createdAt.slice(0, 10);
  return (
    <section className="import-errors" aria-label="Problems">
      <div className="import-errors__scroll">
        <table className="table" data-testid="import-errors">
          <caption>
            {job.dryRun
              ? 'Problems found: these records would be left out'
              : 'Problems found: these records were left out'}
          </caption>
          <thead>
            <tr>
              {withParts && <th scope="col">Part</th>}
              <th scope="col" className="table__number">
                Row
              </th>
              <th scope="col">Field</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((error, index) => (
              <tr key={`${error.part ?? ''}-${error.row}-${error.field ?? ''}-${index}`}>
                {withParts && <td>{error.part ?? '—'}</td>}
                <td className="table__number">{error.row.toLocaleString()}</td>
                <td>{error.field ? <code>{error.field}</code> : 'Whole row'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="import-errors__footer">
        <span className="feedback-list__end">
          {visible.length < job.errorCount
            ? `Showing ${visible.length.toLocaleString()} of ${plural(job.errorCount, 'problem')}`
            : plural(job.errorCount, 'problem')}
          {job.errorCount > job.errors.length &&
            ` (the first ${job.errors.length.toLocaleString()} are kept)`}
        </span>
        {shown < job.errors.length && (
          <Button size="sm" onClick={() => setShown((count) => count + ERRORS_PAGE)}>
            Load more
          </Button>
        )}
        <CsvDownloadButton
          path={importErrorsCsvPath(job.id)}
          filename={`import-problems-${job.source}-${day}.csv`}
        >
          Download error report
        </CsvDownloadButton>
      </div>
    </section>
  );
};

const JobBody = ({ job, titleId }: { job: ImportJobDetail; titleId: string }) => {
  const now = useNow();
  const finished = isFinished(job.status);
  return (
    <>
      <div className="import-job__head">
        <h3 id={titleId} className="import-job__title">
          {job.dryRun ? 'Dry run' : 'Import'}: {sourceInfo[job.source].label}
        </h3>
        <JobStatusBadge job={job} />
        <span className="table__hint">
          Started <When iso={job.createdAt} now={now} /> by {job.by.name ?? 'a former member'}
        </span>
      </div>
      <JobProgress job={job} />
      {job.status === 'failed' ? (
        <ErrorState
          compact
          title={job.dryRun ? 'The dry run stopped' : 'The import stopped'}
          detail={job.failure ?? undefined}
        />
      ) : (
        finished && (
          <p className="import-job__summary" role="status">
            {summaryLine(job)}
            {job.dryRun && ' Press Import to apply it.'}
          </p>
        )
      )}
      <JobCounts job={job} />
      {job.errors.length > 0 && <JobErrors key={job.id} job={job} />}
    </>
  );
};

/** One import: its progress while it runs (read again every second), then what it did. */
export const ImportJobPanel = ({
  id,
  panelRef,
  onClose,
}: {
  id: string;
  panelRef: Ref<HTMLDivElement>;
  onClose: () => void;
}) => {
  const job = useImportJob(id);
  const titleId = useId();
  return (
    <Card
      ref={panelRef}
      className="import-job"
      aria-labelledby={job.data ? titleId : undefined}
      aria-label={job.data ? undefined : 'Import'}
      data-testid="import-job"
      data-import-id={id}
      data-status={job.data?.status}
      data-dry-run={job.data?.dryRun}
    >
      <Button size="sm" variant="ghost" className="import-job__close" onClick={onClose}>
        Close<span className="ui-visually-hidden"> this import</span>
      </Button>
      {job.data ? (
        <JobBody job={job.data} titleId={titleId} />
      ) : job.isError ? (
        <ErrorState
          title={
            isProblem(job.error, 404) ? 'There is no such import here' : "Couldn't load the import"
          }
          detail={describeError(job.error)}
          onRetry={isProblem(job.error, 404) ? undefined : () => void job.refetch()}
          retrying={job.isFetching}
        />
      ) : (
        <div className="table-skeleton" aria-hidden="true">
          <Skeleton height="1.5rem" />
          <Skeleton height="1rem" />
          <Skeleton height="3rem" />
        </div>
      )}
    </Card>
  );
};
