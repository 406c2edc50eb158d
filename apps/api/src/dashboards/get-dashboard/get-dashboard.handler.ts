import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PmDashboard, PoDashboard } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { namesAndFilters, openDashboard } from '../dashboard-context';
import { pmComparison, pmFigures, poComparison, poFigures } from '../dashboard-figures';
import { GetDashboardQuery } from './get-dashboard.query';

/** The figures of the period and those compared of the one before, all read in parallel. */
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
    const labels = namesAndFilters(this.store, sql, actor.workspaceId);
    if (dashboard === 'pm') {
      const [current, before, names] = await Promise.all([
        pmFigures(reader, sql, query, granularity),
        previous && pmComparison(reader, previous, granularity),
        labels,
      ]);
      return { query: request.resolved, current, previous: before, ...names };
    }
    const [current, before, names] = await Promise.all([
      poFigures(reader, query, granularity),
      previous && poComparison(reader, previous, granularity),
      labels,
    ]);
    return { query: request.resolved, current, previous: before, ...names };
  }
}
