import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PmDashboard, PoDashboard } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { namesAndFilters, openDashboard } from '../dashboard-context';
import { pmFigures, poFigures } from '../dashboard-figures';
import { GetDashboardQuery } from './get-dashboard.query';

/** The figures of the period and, to compare, of the one before, all read in parallel. */
@QueryHandler(GetDashboardQuery)
export class GetDashboardHandler implements IQueryHandler<GetDashboardQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({
    actor,
    dashboard,
    params,
  }: GetDashboardQuery): Promise<PmDashboard | PoDashboard> {
    const { request, reader, sql } = openDashboard(this.db, actor, params);
    const { query, previous, granularity } = request;
    const figures =
      dashboard === 'pm'
        ? (q: typeof query) => pmFigures(reader, sql, q, granularity)
        : (q: typeof query) => poFigures(reader, q, granularity);
    const [current, before, labels] = await Promise.all([
      figures(query),
      previous ? figures(previous) : null,
      namesAndFilters(this.store, sql, actor.workspaceId),
    ]);
    return { query: request.resolved, current, previous: before, ...labels } as
      PmDashboard | PoDashboard;
  }
}
