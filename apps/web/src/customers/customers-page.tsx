import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  SegmentedControl,
  Skeleton,
  TextField,
} from '@chorus/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { importCsv } from '../api/client';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import type { CustomerView, ImportKind, ImportReport } from '../api/types';
import { useCustomers } from '../companies/company-queries';
import { UsersIcon } from '../icons';
import { plural } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { EraseCustomerDialog } from './erase-dialog';
import { isErasedCustomer } from './erasure';

const kindOptions = [
  { value: 'customers' as const, label: 'Customers' },
  { value: 'companies' as const, label: 'Companies' },
];

const columns: Record<ImportKind, string> = {
  customers: 'externalId, email, name, companyExternalId',
  companies: 'externalId, name, domain, plan, mrr (e.g. 1234.50), segment, and attr.<name> columns',
};

const ReportView = ({ report, dryRun }: { report: ImportReport; dryRun: boolean }) => (
  <section className="import-report" aria-label={dryRun ? 'Dry run report' : 'Import report'}>
    <p className="import-report__summary" role="status">
      {dryRun ? 'Dry run: nothing was saved. ' : 'Imported. '}
      {plural(report.rows, 'row')}: {report.created.toLocaleString()}{' '}
      {dryRun ? 'would be created' : 'created'}, {report.updated.toLocaleString()}{' '}
      {dryRun ? 'would be updated' : 'updated'}, {report.unchanged.toLocaleString()} unchanged,{' '}
      {plural(report.errors.length, 'row error')}.
    </p>
    {report.errors.length > 0 && (
      <table className="table">
        <caption>Rows with errors {dryRun ? '(they will be skipped)' : '(skipped)'}</caption>
        <thead>
          <tr>
            <th scope="col" className="table__number">
              Row
            </th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {report.errors.map((error, index) => (
            <tr key={`${error.row}-${error.field ?? ''}-${index}`}>
              <td className="table__number">{error.row}</td>
              <td>{error.field ?? '—'}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);

const CsvImport = () => {
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string>();
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => importCsv(kind, file?.text ?? '', dryRun),
  });
  const lastRunWasDry = run.variables?.dryRun ?? true;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    run.reset();
    setFileError(undefined);
    const chosen = event.target.files?.[0];
    if (!chosen) {
      setFile(null);
      return;
    }
    if (chosen.size > 5_000_000) {
      setFileError('That file is over 5 MB. Split it into smaller files.');
      setFile(null);
      return;
    }
    void chosen.text().then(
      (text) => setFile({ name: chosen.name, text }),
      () => setFileError('Could not read that file.'),
    );
  };

  return (
    <Card className="import">
      <h2 className="card__title">Import from CSV</h2>
      <p className="detail__muted">
        Rows are matched by <code>externalId</code>: new ones are created, known ones updated. Run a
        dry run first to see every row&apos;s problems; invalid rows never change anything.
      </p>
      <SegmentedControl
        label="What to import"
        value={kind}
        options={kindOptions}
        onChange={(next) => {
          setKind(next);
          run.reset();
        }}
      />
      <p className="import__columns">
        Columns: <code>{columns[kind]}</code>
      </p>
      <div className="ui-field">
        <label className="ui-field__label" htmlFor="csv-file">
          CSV file
        </label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={onFile} />
        {fileError && <p className="ui-field__error">{fileError}</p>}
      </div>
      <div className="import__actions">
        <Button
          disabled={!file}
          loading={run.isPending && run.variables.dryRun}
          onClick={() => run.mutate({ dryRun: true })}
        >
          Dry run
        </Button>
        <Button
          variant="primary"
          disabled={!file || !run.isSuccess || !lastRunWasDry}
          loading={run.isPending && !run.variables.dryRun}
          onClick={() => run.mutate({ dryRun: false })}
          title={!run.isSuccess ? 'Run a dry run first' : undefined}
        >
          Import {file ? `“${file.name}”` : ''}
        </Button>
      </div>
      {run.isError && (
        <ErrorState compact title="The import was refused" detail={describeError(run.error)} />
      )}
      {run.isSuccess && <ReportView report={run.data} dryRun={lastRunWasDry} />}
    </Card>
  );
};

const CustomersList = () => {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const customers = useCustomers(q);
  const manager = useCan()('customers.manage');
  const eraser = useCan()('privacy.erase');
  const [erasing, setErasing] = useState<CustomerView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card padded={false}>
      <div className="card__header">
        <h2 className="card__title">People</h2>
        <TextField
          label="Search customers"
          hideLabel
          type="search"
          placeholder="Search by name or email"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {customers.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          <Skeleton height="1.5rem" />
          <Skeleton height="1.5rem" />
        </div>
      ) : customers.isLoadingError ? (
        <ErrorState
          title="Couldn't load customers"
          detail={describeError(customers.error)}
          onRetry={() => void customers.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={q ? `Nobody matches “${q}”` : 'No customers yet'}
          hint={q || !manager ? undefined : 'Import them from a CSV above.'}
        />
      ) : (
        <table className="table">
          <caption className="ui-visually-hidden">Customers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">External id</th>
              {eraser && (
                <th scope="col">
                  <span className="ui-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((customer) => (
              <tr key={customer.id} data-testid="customer-row" data-customer-id={customer.id}>
                <th scope="row">{customer.name}</th>
                <td>{customer.email ?? '—'}</td>
                <td>
                  <code>{customer.externalId}</code>
                </td>
                {eraser && (
                  <td className="customers__actions">
                    {isErasedCustomer(customer) ? (
                      <Badge tone="neutral">Erased</Badge>
                    ) : (
                      <Button size="sm" variant="ghost" onClick={() => setErasing(customer)}>
                        Erase<span className="ui-visually-hidden"> {customer.name}</span>
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length > 0 && customers.hasNextPage && (
        <div className="feedback-list__footer">
          <Button
            onClick={() => void customers.fetchNextPage()}
            loading={customers.isFetchingNextPage}
          >
            Load more
          </Button>
        </div>
      )}
      <p className="ui-visually-hidden" role="status">
        {announcement}
      </p>
      <EraseCustomerDialog
        customer={erasing}
        onClose={() => setErasing(null)}
        onErased={() => {
          setAnnouncement(`${erasing?.name ?? 'The customer'} was erased.`);
          setErasing(null);
        }}
      />
    </Card>
  );
};

const CustomersPage = () => {
  const manager = useCan()('customers.manage');
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Customers</h1>
          <p className="page-header__lead">The people who give feedback, and their companies.</p>
        </div>
      </div>
      {manager && <CsvImport />}
      <CustomersList />
    </div>
  );
};

export default CustomersPage;
