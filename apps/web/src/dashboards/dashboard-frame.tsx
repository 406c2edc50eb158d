import type { DashboardName } from '@chorus/domain/client';
import { Card, cx, ErrorState, Skeleton, Spinner } from '@chorus/ui';
import { useState, type ReactNode } from 'react';
import { Link, useSearch } from 'wouter';
import { describeError } from '../api/problem-error';
import { AsOfPicker } from '../components/as-of-picker';
import { formatDay } from '../sprints/sprint-ui';
import type { DashboardOf } from './dashboard-api';
import { DashboardContext, type Drill } from './dashboard-context';
import { DashboardFilters } from './dashboard-filters';
import { setDashboardParams, useDashboardParams } from './dashboard-params';
import { useDashboard } from './dashboard-queries';
import { DrillDialog } from './drill-dialog';
import './dashboards.css';

const dashboardTitles: Record<DashboardName, string> = {
  pm: 'Product dashboard',
  po: 'Delivery dashboard',
};

const leads: Record<DashboardName, string> = {
  pm: 'What customers ask for, how fast the team answers, and what reaches them.',
  po: 'How the team delivers: velocity, throughput, backlog health and the roadmap.',
};

const LoadingDashboard = () => (
  <div className="dash-loading" aria-hidden="true">
    <div className="kpi-grid">
      {Array.from({ length: 5 }, (_, index) => (
        <Skeleton key={index} height="5.5rem" radius="var(--ui-radius-lg)" />
      ))}
    </div>
    <div className="dash-grid">
      {Array.from({ length: 4 }, (_, index) => (
        <Skeleton key={index} height="17rem" radius="var(--ui-radius-lg)" />
      ))}
    </div>
  </div>
);

/**
 * What both dashboards share: the header and the switch between them, the filters in the URL,
 * the “as of” banner, loading and error states, and the drill-down dialog.
 */
export const DashboardFrame = <D extends DashboardName>({
  name,
  children,
}: {
  name: D;
  children: (dashboard: DashboardOf[D]) => ReactNode;
}) => {
  const params = useDashboardParams();
  const search = useSearch();
  const dashboard = useDashboard(name, params);
  const [drill, setDrill] = useState<Drill | null>(null);
  const data = dashboard.data;
  const updating = dashboard.isFetching && !dashboard.isPending;
  // The last choices the API gave stay in the filters while an answer fails, so it can be undone.
  const [filters, setFilters] = useState(data?.filters);
  if (data && data.filters !== filters) setFilters(data.filters);

  return (
    <div className="page page--wide dashboard">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{dashboardTitles[name]}</h1>
          <p className="page-header__lead">{leads[name]}</p>
        </div>
        <div className="page-header__actions">
          {updating && <Spinner size="sm" label="Updating the dashboard" />}
          {data && (
            <p className="dash-range" data-testid="dashboard-range">
              {formatDay(data.query.from)} – {formatDay(data.query.to)}
              {data.query.previous && (
                <span className="dash-range__previous">
                  {' '}
                  vs {formatDay(data.query.previous.from)} – {formatDay(data.query.previous.to)}
                </span>
              )}
            </p>
          )}
        </div>
      </div>
      <nav className="settings-nav" aria-label="Dashboards">
        {(Object.keys(dashboardTitles) as DashboardName[]).map((other) => (
          <Link
            key={other}
            href={`/dashboards/${other}${search ? `?${search}` : ''}`}
            className="settings-nav__link"
            aria-current={other === name ? 'page' : undefined}
          >
            {dashboardTitles[other]}
          </Link>
        ))}
      </nav>
      <DashboardFilters params={params} resolved={data?.query} filters={filters} />
      <AsOfPicker
        value={params.asOf ?? null}
        onChange={(asOf) => setDashboardParams({ asOf: asOf ?? undefined })}
        what="the dashboard"
      />
      {dashboard.isPending ? (
        <LoadingDashboard />
      ) : dashboard.isError ? (
        <Card padded={false}>
          <ErrorState
            title="Couldn't load the dashboard"
            detail={describeError(dashboard.error)}
            onRetry={() => void dashboard.refetch()}
            retrying={dashboard.isFetching}
          />
        </Card>
      ) : (
        <DashboardContext
          value={{
            name,
            params,
            query: dashboard.data.query,
            names: dashboard.data.names,
            onDrill: setDrill,
          }}
        >
          <div
            className={cx('dash-body', dashboard.isPlaceholderData && 'dash-body--stale')}
            aria-busy={updating}
            data-testid="dashboard-body"
          >
            {children(dashboard.data)}
          </div>
        </DashboardContext>
      )}
      <DrillDialog
        drill={drill}
        params={params}
        names={data?.names ?? { boards: {}, statuses: {} }}
        onClose={() => setDrill(null)}
      />
    </div>
  );
};
