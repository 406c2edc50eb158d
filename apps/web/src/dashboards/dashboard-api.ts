import type {
  AgeBucket,
  DashboardName,
  DashboardParams,
  DashboardTableName,
  DrillKind,
  DrillPage,
  PmDashboard,
  PoDashboard,
} from '@chorus/domain/client';
import { enc, getJson, query } from '../api/request';

export type DashboardOf = { pm: PmDashboard; po: PoDashboard };
export type AnyTableName = DashboardTableName<DashboardName>;

/** What a drill lists: the kind of number and the one it narrows to, if any. */
export type DrillTarget = {
  of: DrillKind;
  statusId?: string;
  bucket?: AgeBucket;
  sprintId?: string;
  initiativeId?: string;
};

// `compare` is on unless `false`, so only turning it off needs saying.
const queryParams = (params: DashboardParams) => ({
  ...params,
  compare: params.compare === false ? false : undefined,
});
const paramsQuery = (params: DashboardParams) => query(queryParams(params));

export const fetchDashboard = <D extends DashboardName>(
  name: D,
  params: DashboardParams,
  signal?: AbortSignal,
): Promise<DashboardOf[D]> =>
  getJson<DashboardOf[D]>(`/dashboards/${enc(name)}${paramsQuery(params)}`, signal);

const DRILL_PAGE_SIZE = 50;

export const fetchDrill = (
  target: DrillTarget,
  params: DashboardParams,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<DrillPage> =>
  getJson<DrillPage>(
    `/dashboards/drill${query({ ...target, ...queryParams(params), cursor, limit: DRILL_PAGE_SIZE })}`,
    signal,
  );

/** The path of a chart's table as CSV, below the API's base path. */
export const tablePath = (name: DashboardName, table: AnyTableName, params: DashboardParams) =>
  `/dashboards/${enc(name)}/tables/${enc(table)}.csv${paramsQuery(params)}`;

/** The address a CSV link shows; `request.ts` keeps the same base path for its calls. */
export const tableHref = (path: string) => `/api/v1${path}`;
