import type { InitiativeProgress } from '../contracts/roadmap-api';
import type { FeedbackSourceName, StatusKind } from '../feedback/feedback-workflow';
import { initiativeProgress } from '../roadmap/initiative';
import type { SprintState } from '../sprints/sprint';
import {
  addDays,
  dayOf,
  daysBetween,
  periodOf,
  periodsIn,
  quarterOf,
  quartersIn,
  type Granularity,
} from './kpi-calendar';
import {
  affiliationOf,
  isCountedFeedback,
  type BallotRow,
  type FeedbackFactsRow,
  type InitiativeRow,
  type KpiRollup,
} from './kpi-rollup';

export type { Granularity };

/**
 * What a dashboard asks: one workspace, a range of whole UTC days (both included), and optional
 * filters. Which rows a filter applies to is part of each KPI's definition (docs/kpis.md).
 */
export type KpiQuery = {
  workspaceId: string;
  /** `YYYY-MM-DD` */
  from: string;
  /** `YYYY-MM-DD`, included. */
  to: string;
  boardId?: string;
  segment?: string;
  plan?: string;
};

/** The period of the same length that ends the day before this one starts. */
export const previousPeriod = (query: KpiQuery): KpiQuery => {
  const length = daysBetween(query.from, query.to) + 1;
  return { ...query, from: addDays(query.from, -length), to: addDays(query.from, -1) };
};

export type Share = { numerator: number; denominator: number; ratio: number | null };
/** Durations in milliseconds; the median and p90 are nearest-rank percentiles (`percentile`). */
export type DurationStats = { count: number; medianMs: number | null; p90Ms: number | null };
export type Counted<K> = { key: K; count: number };
export type AgeBucket = '0-7' | '8-30' | '31-90' | '91+';
export const ageBuckets: readonly AgeBucket[] = ['0-7', '8-30', '31-90', '91+'];
export type AgeBucketCount = { bucket: AgeBucket; count: number };

/**
 * Nearest rank: the smallest value that at least `p` per cent of the values are at or below,
 * `sorted[ceil(p × n / 100) − 1]`. The median is `percentile(50)`: the lower middle value when
 * the count is even. Always one of the values, so whole milliseconds stay whole.
 */
export const percentile = (sorted: readonly number[], p: number): number | null =>
  sorted.length === 0
    ? null
    : (sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)] ?? null);

export const durationStats = (durations: readonly number[]): DurationStats => {
  const sorted = [...durations].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 50), p90Ms: percentile(sorted, 90) };
};

export const share = (numerator: number, denominator: number): Share => ({
  numerator,
  denominator,
  ratio: denominator === 0 ? null : numerator / denominator,
});

export const ageBucketOf = (days: number): AgeBucket =>
  days <= 7 ? '0-7' : days <= 30 ? '8-30' : days <= 90 ? '31-90' : '91+';

const ageing = (ages: readonly number[]): AgeBucketCount[] =>
  ageBuckets.map((bucket) => ({
    bucket,
    count: ages.filter((age) => ageBucketOf(age) === bucket).length,
  }));

const inRange = (day: string, query: KpiQuery): boolean => day >= query.from && day <= query.to;

type Filterable = {
  workspaceId: string;
  boardId: string;
  segment: string | null;
  plan: string | null;
};
const matches = (row: Filterable, query: KpiQuery): boolean =>
  row.workspaceId === query.workspaceId &&
  (query.boardId === undefined || row.boardId === query.boardId) &&
  (query.segment === undefined || row.segment === query.segment) &&
  (query.plan === undefined || row.plan === query.plan);

/** Null keys (no segment) sort last. */
const byKey = <K extends string | null>(a: K, b: K): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

const byCountThenKey = <K extends string | null>(a: Counted<K>, b: Counted<K>): number =>
  b.count - a.count || byKey(a.key, b.key);

const countBy = <T, K extends string | null>(
  rows: readonly T[],
  keyOf: (row: T) => K,
  countOf: (row: T) => number,
): Counted<K>[] => {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + countOf(row));
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .filter((c) => c.count !== 0)
    .sort(byCountThenKey);
};

/** Sums per period, every period of the range present (zeros included). */
const seriesOf = <C extends string>(
  query: KpiQuery,
  granularity: Granularity,
  columns: readonly C[],
  rows: readonly ({ day: string } & Record<C, number>)[],
): ({ period: string } & Record<C, number>)[] => {
  const zero = () => Object.fromEntries(columns.map((c) => [c, 0])) as Record<C, number>;
  const sums = new Map(periodsIn(query.from, query.to, granularity).map((p) => [p, zero()]));
  for (const row of rows) {
    const sum = sums.get(periodOf(row.day, granularity));
    if (sum) for (const c of columns) sum[c] += row[c];
  }
  return [...sums.entries()].map(([period, sum]) => ({ period, ...sum }));
};

/** Distinct keys per period, every period of the range present. */
const distinctSeries = <T extends { day: string }>(
  query: KpiQuery,
  granularity: Granularity,
  rows: readonly T[],
  keyOf: (row: T) => string | null,
): { period: string; count: number }[] => {
  const sets = new Map(periodsIn(query.from, query.to, granularity).map((p) => [p, new Set()]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) sets.get(periodOf(row.day, granularity))?.add(key);
  }
  return [...sets.entries()].map(([period, set]) => ({ period, count: set.size }));
};

const distinct = <T>(rows: readonly T[], keyOf: (row: T) => string | null): number =>
  new Set(rows.map(keyOf).filter((k) => k !== null)).size;

export type FeedbackVolume = {
  total: number;
  series: { period: string; count: number }[];
  byBoard: Counted<string>[];
  bySource: Counted<FeedbackSourceName>[];
  bySegment: Counted<string | null>[];
};

/** Feedback submitted per period, not spam nor rejected; `kpi_feedback_daily`. */
export const feedbackVolume = (
  rollup: KpiRollup,
  query: KpiQuery,
  granularity: Granularity,
): FeedbackVolume => {
  const rows = [...rollup.feedbackDaily.values()].filter(
    (r) => matches(r, query) && inRange(r.day, query),
  );
  const submitted = (r: { submitted: number }) => r.submitted;
  return {
    total: rows.reduce((sum, r) => sum + r.submitted, 0),
    series: seriesOf(query, granularity, ['submitted'], rows).map(({ period, submitted: n }) => ({
      period,
      count: n,
    })),
    byBoard: countBy(rows, (r) => r.boardId, submitted),
    bySource: countBy(rows, (r) => r.source, submitted),
    bySegment: countBy(rows, (r) => r.segment, submitted),
  };
};

export type VotesOverTime = {
  cast: number;
  withdrawn: number;
  net: number;
  series: { period: string; cast: number; withdrawn: number; net: number }[];
};

/** Votes cast and withdrawn per period; `kpi_votes_daily`. */
export const votesOverTime = (
  rollup: KpiRollup,
  query: KpiQuery,
  granularity: Granularity,
): VotesOverTime => {
  const rows = [...rollup.votesDaily.values()].filter(
    (r) => matches(r, query) && inRange(r.day, query),
  );
  const cast = rows.reduce((sum, r) => sum + r.cast, 0);
  const withdrawn = rows.reduce((sum, r) => sum + r.withdrawn, 0);
  return {
    cast,
    withdrawn,
    net: cast - withdrawn,
    series: seriesOf(query, granularity, ['cast', 'withdrawn'], rows).map((p) => ({
      ...p,
      net: p.cast - p.withdrawn,
    })),
  };
};

export type UniqueVoters = { total: number; series: { period: string; count: number }[] };

/** Distinct people who cast a vote in the range and in each period; `kpi_voter_days`. */
export const uniqueVoters = (
  rollup: KpiRollup,
  query: KpiQuery,
  granularity: Granularity,
): UniqueVoters => {
  const rows = [...rollup.voterDays.values()].filter(
    (r) => matches(r, query) && inRange(r.day, query),
  );
  return {
    total: distinct(rows, (r) => r.voterId),
    series: distinctSeries(query, granularity, rows, (r) => r.voterId),
  };
};

export type ActiveCustomers = {
  customers: number;
  companies: number;
  series: { period: string; customers: number; companies: number }[];
};

/** Distinct known customers who submitted, voted or commented, and their companies; `kpi_active_days`. */
export const activeCustomers = (
  rollup: KpiRollup,
  query: KpiQuery,
  granularity: Granularity,
): ActiveCustomers => {
  const rows = [...rollup.activeDays.values()].filter(
    (r) => matches(r, query) && inRange(r.day, query),
  );
  const customers = distinctSeries(query, granularity, rows, (r) => r.customerId);
  const companies = distinctSeries(query, granularity, rows, (r) => r.companyId);
  return {
    customers: distinct(rows, (r) => r.customerId),
    companies: distinct(rows, (r) => r.companyId),
    series: customers.map((c, i) => ({
      period: c.period,
      customers: c.count,
      companies: companies[i]?.count ?? 0,
    })),
  };
};

/** Feedback that stands on its own: counted, and not merged into another item. */
export const isLiveFeedback = (row: FeedbackFactsRow): boolean =>
  isCountedFeedback(row) && row.mergedInto === null;

type Demand = { voters: Set<string>; companies: Set<string> };

/**
 * Per live request, the distinct voters of its standing ballots and those of its duplicates, and
 * their companies now, keeping only voters whose company matches the segment and plan filters.
 */
const demandOf = (
  rollup: KpiRollup,
  query: KpiQuery,
  counts: (ballot: BallotRow) => boolean,
): Map<string, Demand> => {
  const demand = new Map<string, Demand>();
  for (const ballot of rollup.ballots.values()) {
    if (ballot.workspaceId !== query.workspaceId || !counts(ballot)) continue;
    const item = rollup.feedback.get(ballot.feedbackId);
    const root = item?.mergedInto ? rollup.feedback.get(item.mergedInto) : item;
    if (!root || !isLiveFeedback(root)) continue;
    if (query.boardId !== undefined && root.boardId !== query.boardId) continue;
    const voter = affiliationOf(rollup, query.workspaceId, ballot.voterId);
    if (query.segment !== undefined && voter.segment !== query.segment) continue;
    if (query.plan !== undefined && voter.plan !== query.plan) continue;
    const group = demand.get(root.feedbackId) ?? { voters: new Set(), companies: new Set() };
    group.voters.add(ballot.voterId);
    if (voter.companyId !== null) group.companies.add(voter.companyId);
    demand.set(root.feedbackId, group);
  }
  return demand;
};

const revenueOf = (rollup: KpiRollup, demand: Demand | undefined): number =>
  [...(demand?.companies ?? [])].reduce(
    (sum, id) => sum + (rollup.companies.get(id)?.mrrCents ?? 0),
    0,
  );

export type TopRequest = {
  feedbackId: string;
  boardId: string;
  statusId: string;
  statusKind: StatusKind;
  votes: number;
  revenueCents: number;
};

/**
 * The most wanted requests by standing votes cast in the range, counted like the inbox: distinct
 * voters over the item and its duplicates, revenue the MRR of their distinct companies now.
 * `kpi_ballots`, `kpi_feedback`, `kpi_customers`, `kpi_companies`.
 */
export const topRequests = (
  rollup: KpiRollup,
  query: KpiQuery,
  by: 'votes' | 'revenue',
  limit: number,
): TopRequest[] =>
  [...demandOf(rollup, query, (b) => inRange(dayOf(b.votedAt), query)).entries()]
    .flatMap(([feedbackId, demand]) => {
      const row = rollup.feedback.get(feedbackId);
      return row
        ? [
            {
              feedbackId,
              boardId: row.boardId,
              statusId: row.statusId,
              statusKind: row.statusKind,
              votes: demand.voters.size,
              revenueCents: revenueOf(rollup, demand),
            },
          ]
        : [];
    })
    .sort((a, b) =>
      by === 'votes'
        ? b.votes - a.votes || b.revenueCents - a.revenueCents || byKey(a.feedbackId, b.feedbackId)
        : b.revenueCents - a.revenueCents || b.votes - a.votes || byKey(a.feedbackId, b.feedbackId),
    )
    .slice(0, limit);

/** Live feedback submitted in the range, by its current board and its author's segment and plan. */
const cohortOf = (rollup: KpiRollup, query: KpiQuery): FeedbackFactsRow[] =>
  [...rollup.feedback.values()].filter(
    (r) => isLiveFeedback(r) && matches(r, query) && inRange(dayOf(r.submittedAt), query),
  );

const since = (from: string, to: string): number => Date.parse(to) - Date.parse(from);

export type ResponseTimes = {
  submitted: number;
  firstResponse: DurationStats;
  unanswered: number;
  triage: DurationStats;
  untriaged: number;
};

/** Time from submission to the first public teammate comment or status change, and to the first status change; `kpi_feedback`. */
export const responseTimes = (rollup: KpiRollup, query: KpiQuery): ResponseTimes => {
  const cohort = cohortOf(rollup, query);
  const answered = cohort.flatMap((r) =>
    r.firstResponseAt === null ? [] : [since(r.submittedAt, r.firstResponseAt)],
  );
  const triaged = cohort.flatMap((r) =>
    r.triagedAt === null ? [] : [since(r.submittedAt, r.triagedAt)],
  );
  return {
    submitted: cohort.length,
    firstResponse: durationStats(answered),
    unanswered: cohort.length - answered.length,
    triage: durationStats(triaged),
    untriaged: cohort.length - triaged.length,
  };
};

export type FunnelStage = 'submitted' | 'triaged' | 'planned' | 'done';
export type StatusFunnel = {
  stages: { stage: FunnelStage; count: number }[];
  byStatus: { statusId: string; statusKind: StatusKind; count: number }[];
};

/** How far the feedback submitted in the range has got, and where it is now; `kpi_feedback`. */
export const statusFunnel = (rollup: KpiRollup, query: KpiQuery): StatusFunnel => {
  const cohort = cohortOf(rollup, query);
  const statuses = new Map<string, { statusId: string; statusKind: StatusKind; count: number }>();
  for (const r of cohort) {
    const key = `${r.statusId}:${r.statusKind}`;
    const counted = statuses.get(key) ?? {
      statusId: r.statusId,
      statusKind: r.statusKind,
      count: 0,
    };
    statuses.set(key, { ...counted, count: counted.count + 1 });
  }
  return {
    stages: [
      { stage: 'submitted', count: cohort.length },
      { stage: 'triaged', count: cohort.filter((r) => r.triagedAt !== null).length },
      { stage: 'planned', count: cohort.filter((r) => r.reachedActive).length },
      { stage: 'done', count: cohort.filter((r) => r.reachedDone).length },
    ],
    byStatus: [...statuses.values()].sort(
      (a, b) =>
        b.count - a.count || byKey(a.statusId, b.statusId) || byKey(a.statusKind, b.statusKind),
    ),
  };
};

export type FeedbackAgeing = { total: number; buckets: AgeBucketCount[] };

/**
 * Unresolved live feedback (open or active kind) submitted on or before `to`, by whole days from
 * its submission to `to`; `from` does not apply. `kpi_feedback`.
 */
export const feedbackAgeing = (rollup: KpiRollup, query: KpiQuery): FeedbackAgeing => {
  const ages = [...rollup.feedback.values()]
    .filter(
      (r) =>
        isLiveFeedback(r) &&
        matches(r, query) &&
        (r.statusKind === 'open' || r.statusKind === 'active') &&
        dayOf(r.submittedAt) <= query.to,
    )
    .map((r) => daysBetween(dayOf(r.submittedAt), query.to));
  return { total: ages.length, buckets: ageing(ages) };
};

/**
 * The live initiatives an item works towards, as the roadmap counts them: the one set on the
 * item, on its parent, or on its grandparent.
 */
export const initiativesOfItem = (rollup: KpiRollup, itemId: string): InitiativeRow[] => {
  const item = rollup.backlogItems.get(itemId);
  const parent = item?.parentId ? rollup.backlogItems.get(item.parentId) : undefined;
  const grandparent = parent?.parentId ? rollup.backlogItems.get(parent.parentId) : undefined;
  const ids = new Set(
    [item, parent, grandparent].flatMap((i) => (i?.initiativeId ? [i.initiativeId] : [])),
  );
  return [...ids].flatMap((id) => {
    const initiative = rollup.initiatives.get(id);
    return initiative && !initiative.archived ? [initiative] : [];
  });
};

export type LinkedShares = { backlog: Share; roadmap: Share };

/**
 * Of the feedback submitted in the range, the share linked to a backlog item, and to an item on
 * the roadmap (of a live initiative). `kpi_feedback`, `kpi_feedback_links`, `kpi_backlog_items`,
 * `kpi_initiatives`.
 */
export const linkedShares = (rollup: KpiRollup, query: KpiQuery): LinkedShares => {
  const itemsOf = new Map<string, string[]>();
  for (const link of rollup.links.values()) {
    if (link.workspaceId !== query.workspaceId) continue;
    itemsOf.set(link.feedbackId, [...(itemsOf.get(link.feedbackId) ?? []), link.itemId]);
  }
  const cohort = cohortOf(rollup, query);
  const linked = cohort.filter((r) => itemsOf.has(r.feedbackId));
  const onRoadmap = linked.filter((r) =>
    (itemsOf.get(r.feedbackId) ?? []).some(
      (itemId) => initiativesOfItem(rollup, itemId).length > 0,
    ),
  );
  return {
    backlog: share(linked.length, cohort.length),
    roadmap: share(onRoadmap.length, cohort.length),
  };
};

export type ClosedLoop = { closedLoop: Share; leadTime: DurationStats };

/**
 * Live feedback that became done in the range and is done now: the share whose askers a release
 * notified, and the time from submission to done. `kpi_feedback`.
 */
export const closedLoop = (rollup: KpiRollup, query: KpiQuery): ClosedLoop => {
  const done = [...rollup.feedback.values()].filter(
    (r) =>
      isLiveFeedback(r) &&
      matches(r, query) &&
      r.statusKind === 'done' &&
      r.doneAt !== null &&
      inRange(dayOf(r.doneAt), query),
  );
  return {
    closedLoop: share(done.filter((r) => r.notified).length, done.length),
    leadTime: durationStats(done.map((r) => since(r.submittedAt, r.doneAt ?? r.submittedAt))),
  };
};

export type QuarterRevenue = { quarter: string; atStakeCents: number; deliveredCents: number };

/**
 * Per quarter of submission in the range: the revenue of the requests still open or active
 * (at stake) and of those done (delivered), each request's revenue the MRR of the distinct
 * companies of all its standing voters now. Segment and plan select the voters.
 */
export const revenueByQuarter = (rollup: KpiRollup, query: KpiQuery): QuarterRevenue[] => {
  const demand = demandOf(rollup, query, () => true);
  const quarters = new Map(
    quartersIn(query.from, query.to).map((q) => [
      q,
      { quarter: q, atStakeCents: 0, deliveredCents: 0 },
    ]),
  );
  for (const row of rollup.feedback.values()) {
    const day = dayOf(row.submittedAt);
    const quarter = quarters.get(quarterOf(day));
    if (!quarter || !inRange(day, query) || !isLiveFeedback(row)) continue;
    if (row.workspaceId !== query.workspaceId) continue;
    if (query.boardId !== undefined && row.boardId !== query.boardId) continue;
    const cents = revenueOf(rollup, demand.get(row.feedbackId));
    if (row.statusKind === 'done') quarter.deliveredCents += cents;
    else if (row.statusKind !== 'closed') quarter.atStakeCents += cents;
  }
  return [...quarters.values()];
};

export type SprintFigures = {
  sprintId: string;
  name: string;
  startDate: string;
  endDate: string;
  state: SprintState;
  acceptedItems: number;
  acceptedPoints: number;
  carriedOverItems: number;
  carriedOverPoints: number;
};
export type SprintVelocity = {
  sprints: SprintFigures[];
  /** Mean accepted points of the completed sprints listed. */
  averagePoints: number | null;
  throughput: { period: string; items: number; points: number }[];
};

/**
 * Sprints ending in the range with their accepted and carried-over work, and items accepted per
 * period. Board, segment and plan do not apply. `kpi_sprints`, `kpi_sprint_work`, `kpi_accepted_daily`.
 */
export const sprintVelocity = (
  rollup: KpiRollup,
  query: KpiQuery,
  granularity: Granularity,
): SprintVelocity => {
  const sprints = [...rollup.sprints.values()]
    .filter((s) => s.workspaceId === query.workspaceId && inRange(s.endDate, query))
    .sort(
      (a, b) =>
        byKey(a.endDate, b.endDate) ||
        byKey(a.startDate, b.startDate) ||
        byKey(a.sprintId, b.sprintId),
    )
    .map(({ sprintId, name, startDate, endDate, state }) => {
      const work = rollup.sprintWork.get(sprintId);
      return {
        sprintId,
        name,
        startDate,
        endDate,
        state,
        acceptedItems: work?.acceptedItems ?? 0,
        acceptedPoints: work?.acceptedPoints ?? 0,
        carriedOverItems: work?.carriedOverItems ?? 0,
        carriedOverPoints: work?.carriedOverPoints ?? 0,
      };
    });
  const completed = sprints.filter((s) => s.state === 'completed');
  const accepted = [...rollup.acceptedDaily.values()].filter(
    (r) => r.workspaceId === query.workspaceId && inRange(r.day, query),
  );
  return {
    sprints,
    averagePoints:
      completed.length === 0
        ? null
        : completed.reduce((sum, s) => sum + s.acceptedPoints, 0) / completed.length,
    throughput: seriesOf(query, granularity, ['items', 'points'], accepted),
  };
};

export type BacklogHealth = {
  items: number;
  ready: Share;
  medianAgeDays: number | null;
  ageing: AgeBucketCount[];
};

/**
 * Stories and tasks waiting in the backlog (not in a sprint, accepted or released), created on or
 * before `to`: the share meeting the Definition of Ready, and their age at `to`. `kpi_backlog_items`.
 */
export const backlogHealth = (rollup: KpiRollup, query: KpiQuery): BacklogHealth => {
  const waiting = [...rollup.backlogItems.values()].filter(
    (i) =>
      i.workspaceId === query.workspaceId &&
      i.kind !== 'epic' &&
      i.stage === 'backlog' &&
      dayOf(i.createdAt) <= query.to,
  );
  const ages = waiting.map((i) => daysBetween(dayOf(i.createdAt), query.to)).sort((a, b) => a - b);
  return {
    items: waiting.length,
    ready: share(
      waiting.filter((i) => i.criteriaCount > 0 && i.estimate !== null).length,
      waiting.length,
    ),
    medianAgeDays: percentile(ages, 50),
    ageing: ageing(ages),
  };
};

export type InitiativeDelivery = {
  initiativeId: string;
  title: string;
  lane: InitiativeRow['lane'];
  quarter: string | null;
  /** Exactly what the roadmap shows for it. */
  progress: InitiativeProgress;
};

const laneOrder: Record<InitiativeRow['lane'], number> = { now: 0, next: 1, later: 2 };

/**
 * Each live initiative's stories and tasks (`initiativesOfItem`), accepted or released of all,
 * by count and by estimated points, as the roadmap computes it. `kpi_initiatives`, `kpi_backlog_items`.
 */
export const roadmapProgress = (rollup: KpiRollup, query: KpiQuery): InitiativeDelivery[] => {
  const none = { itemCount: 0, doneItemCount: 0, points: 0, donePoints: 0 };
  const work = new Map<string, typeof none>();
  for (const item of rollup.backlogItems.values()) {
    if (item.workspaceId !== query.workspaceId || item.kind === 'epic') continue;
    const done = item.stage === 'accepted' || item.stage === 'released';
    const points = item.estimate ?? 0;
    for (const { initiativeId } of initiativesOfItem(rollup, item.itemId)) {
      const sum = work.get(initiativeId) ?? none;
      work.set(initiativeId, {
        itemCount: sum.itemCount + 1,
        doneItemCount: sum.doneItemCount + (done ? 1 : 0),
        points: sum.points + points,
        donePoints: sum.donePoints + (done ? points : 0),
      });
    }
  }
  return [...rollup.initiatives.values()]
    .filter((i) => i.workspaceId === query.workspaceId && !i.archived)
    .sort(
      (a, b) =>
        laneOrder[a.lane] - laneOrder[b.lane] ||
        byKey(a.quarter, b.quarter) ||
        byKey(a.title, b.title) ||
        byKey(a.initiativeId, b.initiativeId),
    )
    .map(({ initiativeId, title, lane, quarter }) => ({
      initiativeId,
      title,
      lane,
      quarter,
      progress: initiativeProgress(work.get(initiativeId) ?? none),
    }));
};
