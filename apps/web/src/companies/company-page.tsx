import { Card } from '@chorus/ui';
import { Link } from 'wouter';
import { DetailPage } from '../components/detail-page';
import type { CompanyDetail } from '../api/types';
import { FeedbackStatusBadge } from '../catalog/catalog-ui';
import { formatMoney, plural } from '../lib/format';
import { useCompany } from './company-queries';

const feedbackHref = (id: string) => `/?feedback=${encodeURIComponent(id)}`;

const FeedbackTable = ({
  caption,
  rows,
  empty,
  extra,
}: {
  caption: string;
  rows: { id: string; title: string; status: string; voteCount: number }[];
  empty: string;
  extra: (row: { id: string }) => string;
}) =>
  rows.length === 0 ? (
    <p className="detail__muted">{empty}</p>
  ) : (
    <table className="table">
      <caption className="ui-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Feedback</th>
          <th scope="col">Status</th>
          <th scope="col" className="table__number">
            Votes
          </th>
          <th scope="col">From this company</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link href={feedbackHref(row.id)}>{row.title}</Link>
            </th>
            <td>
              <FeedbackStatusBadge status={row.status} />
            </td>
            <td className="table__number">{row.voteCount.toLocaleString()}</td>
            <td>{extra(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

const CompanyBody = ({ company }: { company: CompanyDetail }) => {
  const nameOf = (id: string) => company.customers.find((c) => c.id === id)?.name ?? 'Someone';
  const attributes = Object.entries(company.attributes);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="page-header__eyebrow">
            <Link href="/companies">Companies</Link>
          </p>
          <h1 className="page-header__title">{company.name}</h1>
          <p className="page-header__lead">{company.domain ?? company.externalId}</p>
        </div>
        <Link
          className="ui-button ui-button--secondary ui-button--md"
          href={`/?company=${encodeURIComponent(company.id)}`}
        >
          Feedback from {company.name}
        </Link>
      </div>
      <div className="stat-grid">
        <Card className="stat">
          <span className="stat__label">MRR</span>
          <span className="stat__value">{formatMoney(company.mrrCents)}</span>
        </Card>
        <Card className="stat">
          <span className="stat__label">Plan</span>
          <span className="stat__value">{company.plan ?? '—'}</span>
        </Card>
        <Card className="stat">
          <span className="stat__label">Segment</span>
          <span className="stat__value">{company.segment ?? '—'}</span>
        </Card>
        <Card className="stat">
          <span className="stat__label">People</span>
          <span className="stat__value">{company.customerCount.toLocaleString()}</span>
        </Card>
      </div>
      <div className="page__columns">
        <div className="page__main">
          <Card>
            <h2 className="card__title">Requested</h2>
            <FeedbackTable
              caption="Feedback requested by people of this company"
              rows={company.requested}
              empty="Nobody from this company has asked for anything yet."
              extra={(row) =>
                nameOf(company.requested.find((r) => r.id === row.id)?.authorId ?? '')
              }
            />
          </Card>
          <Card>
            <h2 className="card__title">Voted on</h2>
            <FeedbackTable
              caption="Feedback people of this company voted on"
              rows={company.votedOn}
              empty="Nobody from this company has voted yet."
              extra={(row) => {
                const voters = company.votedOn.find((r) => r.id === row.id)?.voterIds ?? [];
                return voters.length > 2
                  ? plural(voters.length, 'person', 'people')
                  : voters.map(nameOf).join(', ');
              }}
            />
          </Card>
        </div>
        <div className="page__aside">
          <Card>
            <h2 className="card__title">People</h2>
            {company.customers.length === 0 ? (
              <p className="detail__muted">No people yet.</p>
            ) : (
              <ul className="people">
                {company.customers.map((customer) => (
                  <li key={customer.id}>
                    <span className="people__name">{customer.name}</span>
                    <span className="people__email">{customer.email ?? customer.externalId}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2 className="card__title">Attributes</h2>
            {attributes.length === 0 ? (
              <p className="detail__muted">No attributes.</p>
            ) : (
              <dl className="detail__facts">
                {attributes.map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{String(value)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>
        </div>
      </div>
    </>
  );
};

const CompanyPage = ({ id }: { id: string }) => (
  <DetailPage
    query={useCompany(id)}
    noun="company"
    back={{ href: '/companies', label: 'All companies' }}
  >
    {(company) => <CompanyBody company={company} />}
  </DetailPage>
);

export default CompanyPage;
