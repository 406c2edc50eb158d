import type { DataSource } from 'typeorm';
import type { DashboardNames, PmDashboard } from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../catalog/read-catalog';
import type { AuthenticatedActor } from '../platform/auth';
import {
  resolveDashboard,
  type DashboardParamsInput,
  type DashboardRequest,
} from './dashboard-params';
import { KpiReader, type SqlQuery } from './kpi-reader';

/** A dashboard request checked and resolved, with the reader that answers it. */
export const openDashboard = (
  db: DataSource,
  actor: AuthenticatedActor,
  params: DashboardParamsInput,
): { request: DashboardRequest; reader: KpiReader; sql: SqlQuery } => {
  const request = resolveDashboard(actor.workspaceId, params);
  const sql: SqlQuery = (text, values) => db.query(text, values);
  return { request, reader: new KpiReader(sql, request.asOf), sql };
};

/** Today's names of the boards and statuses, and the filter choices the workspace offers. */
export const namesAndFilters = async (
  store: PostgresEventStore,
  sql: SqlQuery,
  workspaceId: string,
): Promise<{ names: DashboardNames; filters: PmDashboard['filters'] }> => {
  const [{ catalog }, companies] = await Promise.all([
    readCatalog(store, workspaceId),
    sql<{ segments: string[]; plans: string[] }[]>(
      `SELECT coalesce(array_agg(DISTINCT segment ORDER BY segment) FILTER (WHERE segment IS NOT NULL), '{}') AS segments,
         coalesce(array_agg(DISTINCT plan ORDER BY plan) FILTER (WHERE plan IS NOT NULL), '{}') AS plans
       FROM kpi_companies WHERE workspace_id = $1 AND valid_to IS NULL`,
      [workspaceId],
    ),
  ]);
  return {
    names: {
      boards: Object.fromEntries(catalog.boards.map((b) => [b.id, b.name])),
      statuses: Object.fromEntries(catalog.statuses.map((s) => [s.id, s.name])),
    },
    filters: {
      boards: catalog.boards.map((b) => ({ id: b.id, name: b.name })),
      segments: companies[0]?.segments ?? [],
      plans: companies[0]?.plans ?? [],
    },
  };
};
