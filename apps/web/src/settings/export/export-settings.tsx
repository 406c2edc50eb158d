import { EXPORT_PATHS, type ExportReadModelTable } from '@chorus/domain/client';
import { Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { describeError } from '../../api/problem-error';
import { DownloadIcon } from '../../icons';
import { plural } from '../../lib/format';
import { apiPath, useReadModelTables } from '../../queries/export';
import { CsvDownloadButton } from './csv-download-button';
import { StreamDownload } from './stream-download';

const today = () => new Date().toISOString().slice(0, 10);

const ReadModelRow = ({ table }: { table: ExportReadModelTable }) => (
  <tr data-testid="read-model-row" data-table={table.table}>
    <th scope="row">
      <code>{table.table}</code>
    </th>
    <td>
      <code>{table.projection}</code>
    </td>
    <td className="export-tables__actions">
      <CsvDownloadButton path={apiPath(table.path)} filename={`${table.table}-${today()}.csv`}>
        CSV<span className="ui-visually-hidden"> of {table.table}</span>
      </CsvDownloadButton>
    </td>
  </tr>
);

/** Every read-model table, each downloadable on its own as CSV. */
const ReadModels = () => {
  const tables = useReadModelTables();
  const items = tables.data?.tables ?? [];
  return (
    <Card padded={false}>
      <div className="card__header">
        <div>
          <h2 className="card__title">Read models</h2>
          <p className="detail__muted export-tables__lead">
            The tables the app reads from, this workspace&apos;s rows only: a header row, then every
            row, as Postgres prints them. Open them with your spreadsheet&apos;s import, as text.
            The zip holds them all.
          </p>
        </div>
      </div>
      {tables.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} height="1.5rem" />
          ))}
        </div>
      ) : tables.isError ? (
        <ErrorState
          title="Couldn't load the tables"
          detail={describeError(tables.error)}
          onRetry={() => void tables.refetch()}
          retrying={tables.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<DownloadIcon />}
          title="No tables to export"
          hint="The read models appear here once the worker has built them."
        />
      ) : (
        <>
          <div className="export-tables__scroll">
            <table className="table export-tables">
              <caption className="ui-visually-hidden">Read-model tables</caption>
              <thead>
                <tr>
                  <th scope="col">Table</th>
                  <th scope="col">Written by</th>
                  <th scope="col">
                    <span className="ui-visually-hidden">Download</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((table) => (
                  <ReadModelRow key={table.table} table={table} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="feedback-list__footer">
            <span className="feedback-list__end">{plural(items.length, 'table')}</span>
          </div>
        </>
      )}
    </Card>
  );
};

/**
 * Settings → Export (admins): the whole workspace as one zip (events, people, read models),
 * or the events alone, or one table; and how to restore an export elsewhere.
 */
const ExportSettings = () => (
  <div className="settings exports">
    <Card className="export-card">
      <h2 className="card__title">Export</h2>
      <p className="detail__muted">
        Everything this workspace holds, to keep, to analyse elsewhere, or to move to another Chorus
        installation. The files are made from one consistent snapshot as they download.
        Customers&apos; personal data is in them in the clear: keep them as safe as the database.
      </p>
      <dl className="export-contents">
        <div>
          <dt>
            Events <code>events.jsonl</code>
          </dt>
          <dd>
            Every event, as JSON Lines (one JSON object per line) in the order they happened: the
            whole history, from which everything else is rebuilt. Erased customers stay erased.
          </dd>
        </div>
        <div>
          <dt>
            People <code>people.jsonl</code>
          </dt>
          <dd>
            Staff and customers&apos; portal accounts: name, email, role and status. Never
            passwords, sessions, invitations or API keys.
          </dd>
        </div>
        <div>
          <dt>
            Read models <code>read-models/*.csv</code>
          </dt>
          <dd>Each table the app reads from, as CSV, for spreadsheets and BI tools.</dd>
        </div>
        <div>
          <dt>
            Manifest <code>manifest.json</code>
          </dt>
          <dd>What the zip holds, with the count and SHA-256 checksum of every file.</dd>
        </div>
      </dl>
      <div className="export-downloads">
        <StreamDownload
          path={EXPORT_PATHS.archive}
          fallbackName={`chorus-export-${today()}.zip`}
          variant="primary"
          testId="export-archive"
        >
          Download everything (.zip)
        </StreamDownload>
        <StreamDownload
          path={EXPORT_PATHS.events}
          fallbackName={`events-${today()}.jsonl`}
          testId="export-events"
        >
          Download events only (.jsonl)
        </StreamDownload>
      </div>
    </Card>
    <ReadModels />
    <Card className="export-card">
      <h2 className="card__title">Restore an export</h2>
      <p className="detail__muted">
        An export restores into an empty Chorus installation, on the server, from the Chorus
        directory:
      </p>
      <pre className="export-command">
        <code>
          npm run import:workspace -- chorus-export.zip --database-url postgres://… --admin-token
        </code>
      </pre>
      <p className="detail__muted">
        It checks the events and people against the manifest, restores them in one transaction (or,
        on any problem, writes nothing), then rebuilds the read models from the events.{' '}
        <code>--admin-token</code> prints a sign-in token for the workspace&apos;s first admin.
        Passwords are never exported: everyone else sets a new one with &ldquo;Forgot
        password&rdquo;, or signs in with single sign-on. A bare <code>events.jsonl</code> restores
        the events alone, without people. The formats and every step are in{' '}
        <code>docs/export.md</code>; the endpoints are in the{' '}
        <a href="/api/docs#/export" target="_blank" rel="noreferrer">
          API reference
        </a>
        .
      </p>
    </Card>
  </div>
);

export default ExportSettings;
