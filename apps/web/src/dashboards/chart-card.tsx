import { Card, cx, EmptyState } from '@chorus/ui';
import { useId, type ReactNode } from 'react';
import { useTableDownload } from '../lib/download';
import { FormError } from '../lib/form-error';
import { tableHref, tablePath, type AnyTableName } from './dashboard-api';
import { useDashboardContext } from './dashboard-context';

/** A link to the table behind a chart, as CSV, for the filters on screen. */
const CsvLink = ({
  table,
  label = 'CSV',
  description,
}: {
  table: AnyTableName;
  label?: string;
  description: string;
}) => {
  const { name, params, query } = useDashboardContext();
  const { busy, error, download } = useTableDownload();
  const path = tablePath(name, table, params);
  const filename = `${name}-${table}-${query.from}-to-${query.to}.csv`;
  return (
    <span className="csv-link">
      <a
        className="csv-link__anchor"
        href={tableHref(path)}
        download={filename}
        aria-label={`Download ${description} as CSV`}
        aria-busy={busy || undefined}
        data-testid="csv-link"
        onClick={(event) => {
          event.preventDefault();
          download(path, filename);
        }}
      >
        {label}
      </a>
      <FormError error={error} inline />
    </span>
  );
};

type CardTable = { table: AnyTableName; label?: string; description?: string };

/** A card holding one chart or table, titled, with CSV links to the tables behind it. */
export const ChartCard = ({
  title,
  lead,
  tables,
  wide = false,
  children,
}: {
  title: string;
  lead?: ReactNode;
  tables: readonly CardTable[];
  wide?: boolean;
  children: ReactNode;
}) => {
  const headingId = useId();
  return (
    <Card
      role="region"
      aria-labelledby={headingId}
      className={cx('dash-card', wide && 'dash-card--wide')}
    >
      <div className="card__title-row">
        <h2 className="card__title" id={headingId}>
          {title}
        </h2>
        <span className="dash-card__actions">
          {tables.map(({ table, label, description }) => (
            <CsvLink
              key={table}
              table={table}
              label={label}
              description={description ?? title.toLowerCase()}
            />
          ))}
        </span>
      </div>
      {lead && <p className="dash-card__lead">{lead}</p>}
      {children}
    </Card>
  );
};

/** What a card says when its figure has nothing to show for these filters. */
export const CardEmpty = ({ title, hint }: { title: string; hint?: string }) => (
  <div className="dash-card__empty">
    <EmptyState title={title} hint={hint ?? 'Try a longer date range or fewer filters.'} />
  </div>
);
