import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { dashboardTables, type DashboardTableName } from '@chorus/domain';
import { notFound } from '../../platform/problem-details';
import { openDashboard } from '../dashboard-context';
import { pmFigures, pmTable, poFigures, poTable } from '../dashboard-figures';
import { DashboardTableQuery } from './dashboard-table.query';

const isTable = <D extends 'pm' | 'po'>(
  dashboard: D,
  table: string,
): table is DashboardTableName<D> =>
  (dashboardTables[dashboard] as readonly string[]).includes(table);

/** The table behind one chart as CSV: a header row, then one row per period, item or bucket. */
@QueryHandler(DashboardTableQuery)
export class DashboardTableHandler implements IQueryHandler<DashboardTableQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, dashboard, table, params }: DashboardTableQuery): Promise<string> {
    const { request, reader, sql } = openDashboard(this.db, actor, params);
    const { query, granularity } = request;
    let csv: { columns: string[]; rows: (string | number | null)[][] };
    if (dashboard === 'pm' && isTable('pm', table)) {
      csv = pmTable(await pmFigures(reader, sql, query, granularity), table);
    } else if (dashboard === 'po' && isTable('po', table)) {
      csv = poTable(await poFigures(reader, query, granularity), table);
    } else {
      throw notFound(
        `The ${dashboard} dashboard has no table ${table}; it has ${dashboardTables[dashboard].join(', ')}.`,
      );
    }
    return stringify([csv.columns, ...csv.rows]);
  }
}
