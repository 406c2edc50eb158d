import { Button, Card, EmptyState, ErrorState, Skeleton, TextField } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { BuildingIcon } from '../icons';
import { formatMoney, plural } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { useCompanies } from './company-queries';

const CompaniesPage = () => {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const companies = useCompanies(q);
  const manager = useCan()('customers.manage');
  const items = companies.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Companies</h1>
          <p className="page-header__lead">
            Who your customers work for, what they pay, and what they ask for.
          </p>
        </div>
      </div>
      <div className="page__toolbar" role="search">
        <TextField
          label="Search companies"
          hideLabel
          type="search"
          placeholder="Search by name or domain"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <Card padded={false}>
        {companies.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 5 }, (_, index) => (
              <Skeleton key={index} height="1.5rem" />
            ))}
          </div>
        ) : companies.isLoadingError ? (
          <ErrorState
            title="Couldn't load companies"
            detail={describeError(companies.error)}
            onRetry={() => void companies.refetch()}
            retrying={companies.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<BuildingIcon />}
            title={q ? `No company matches “${q}”` : 'No companies yet'}
            hint={
              q || !manager ? undefined : (
                <>
                  Import them from a CSV on the <Link href="/customers">Customers</Link> page, or
                  send them with <code>PUT /api/v1/companies/:externalId</code>.
                </>
              )
            }
          />
        ) : (
          <table className="table" aria-busy={companies.isFetching}>
            <caption className="ui-visually-hidden">Companies</caption>
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Plan</th>
                <th scope="col">Segment</th>
                <th scope="col" className="table__number">
                  MRR
                </th>
                <th scope="col" className="table__number">
                  People
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((company) => (
                <tr key={company.id}>
                  <th scope="row">
                    <Link href={`/companies/${encodeURIComponent(company.id)}`}>
                      {company.name}
                    </Link>
                    {company.domain && <span className="table__hint"> {company.domain}</span>}
                  </th>
                  <td>{company.plan ?? '—'}</td>
                  <td>{company.segment ?? '—'}</td>
                  <td className="table__number">{formatMoney(company.mrrCents)}</td>
                  <td className="table__number">{company.customerCount.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {items.length > 0 && (
          <div className="feedback-list__footer">
            {companies.isFetchNextPageError && (
              <ErrorState
                compact
                title="Couldn't load more"
                detail={describeError(companies.error)}
              />
            )}
            {companies.hasNextPage ? (
              <Button
                onClick={() => void companies.fetchNextPage()}
                loading={companies.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <span className="feedback-list__end">
                {plural(items.length, 'company', 'companies')}
              </span>
            )}
          </div>
        )}
      </Card>
    </div>
  );
};

export default CompaniesPage;
