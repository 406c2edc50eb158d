import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  addDays,
  daysBetween,
  dayOf,
  previousPeriod,
  type Granularity,
  type KpiQuery,
  type ResolvedDashboardQuery,
} from '@chorus/domain';
import { fieldError, validationFailed } from '../platform/problem-details';

/** The longest range a dashboard answers: two years of history and a little more. */
export const MAX_RANGE_DAYS = 1100;

const day = (field: string) =>
  z.iso.date(`${field} must be a day like 2026-11-30.`).optional().describe('YYYY-MM-DD, UTC');
const name = (field: string) =>
  z.string().trim().min(1).max(100, `${field} is at most 100 characters.`).optional();

/** The query string every dashboard, table and drill-down shares (DashboardParams). */
export const DashboardParamsSchema = z.object({
  from: day('from'),
  to: day('to'),
  boardId: name('boardId'),
  segment: name('segment'),
  plan: name('plan'),
  granularity: z
    .enum(['day', 'week'], { error: 'granularity must be day or week.' })
    .default('day'),
  compare: z
    .enum(['true', 'false'], { error: 'compare must be true or false.' })
    .default('true')
    .transform((value) => value === 'true'),
  asOf: z.iso
    .datetime({ offset: true, error: 'asOf must be an ISO timestamp like 2026-06-30T12:00:00Z.' })
    .optional()
    .describe('Answer as the dashboard stood at this moment'),
});
export class DashboardParamsDto extends createZodDto(DashboardParamsSchema) {}
export type DashboardParamsInput = z.infer<typeof DashboardParamsSchema>;

/** What every KPI of a dashboard is asked, resolved from the query string and the clock. */
export type DashboardRequest = {
  query: KpiQuery;
  granularity: Granularity;
  asOf: string | null;
  previous: KpiQuery | null;
  resolved: ResolvedDashboardQuery;
};

/**
 * Defaults: `to` is today (or the day of `asOf`), `from` 29 days earlier. A moment still to come
 * answers as now. A range that ends before it starts, or longer than MAX_RANGE_DAYS, is refused
 * naming `from`.
 */
export const resolveDashboard = (
  workspaceId: string,
  params: DashboardParamsInput,
  now: Date = new Date(),
): DashboardRequest => {
  const asOf =
    params.asOf !== undefined && Date.parse(params.asOf) < now.getTime()
      ? new Date(params.asOf).toISOString()
      : null;
  const to = params.to ?? dayOf(asOf ?? now.toISOString());
  const from = params.from ?? addDays(to, -29);
  if (from > to) {
    throw validationFailed([fieldError(['from'], `from (${from}) is after to (${to}).`)]);
  }
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw validationFailed([fieldError(['from'], `A range is at most ${MAX_RANGE_DAYS} days.`)]);
  }
  const query: KpiQuery = {
    workspaceId,
    from,
    to,
    ...(params.boardId === undefined ? {} : { boardId: params.boardId }),
    ...(params.segment === undefined ? {} : { segment: params.segment }),
    ...(params.plan === undefined ? {} : { plan: params.plan }),
  };
  const previous = params.compare ? previousPeriod(query) : null;
  return {
    query,
    granularity: params.granularity,
    asOf,
    previous,
    resolved: {
      from,
      to,
      boardId: params.boardId ?? null,
      segment: params.segment ?? null,
      plan: params.plan ?? null,
      granularity: params.granularity,
      asOf,
      previous: previous && { from: previous.from, to: previous.to },
    },
  };
};
