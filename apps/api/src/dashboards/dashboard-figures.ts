import type {
  DashboardTableName,
  Granularity,
  KpiQuery,
  PmComparison,
  PmFigures,
  PoComparison,
  PoFigures,
  TopRequest,
  TopRequestView,
} from '@chorus/domain';
import type { KpiReader, SqlQuery } from './kpi-reader';

/** How many requests the top lists show. */
const TOP_REQUESTS = 10;

const withTitles = async (
  sql: SqlQuery,
  requests: readonly TopRequest[],
): Promise<TopRequestView[]> => {
  const titles = new Map(
    (
      await sql<{ id: string; title: string }[]>(
        `SELECT feedback_id::text AS id, title FROM feedback_list WHERE feedback_id = ANY($1::uuid[])`,
        [requests.map((r) => r.feedbackId)],
      )
    ).map((r) => [r.id, r.title]),
  );
  return requests.map((r) => ({ ...r, title: titles.get(r.feedbackId) ?? '' }));
};

export const pmFigures = async (
  reader: KpiReader,
  sql: SqlQuery,
  query: KpiQuery,
  granularity: Granularity,
): Promise<PmFigures> => {
  const [
    feedbackVolume,
    votes,
    uniqueVoters,
    activeCustomers,
    top,
    responseTimes,
    funnel,
    ageing,
    linked,
    closedLoop,
    revenueByQuarter,
  ] = await Promise.all([
    reader.feedbackVolume(query, granularity),
    reader.votesOverTime(query, granularity),
    reader.uniqueVoters(query, granularity),
    reader.activeCustomers(query, granularity),
    reader.topRequestLists(query, TOP_REQUESTS).then(async (top) => ({
      votes: await withTitles(sql, top.votes),
      revenue: await withTitles(sql, top.revenue),
    })),
    reader.responseTimes(query),
    reader.statusFunnel(query),
    reader.feedbackAgeing(query),
    reader.linkedShares(query),
    reader.closedLoop(query),
    reader.revenueByQuarter(query),
  ]);
  return {
    feedbackVolume,
    votes,
    uniqueVoters,
    activeCustomers,
    topByVotes: top.votes,
    topByRevenue: top.revenue,
    responseTimes,
    funnel,
    ageing,
    linked,
    closedLoop,
    revenueByQuarter,
  };
};

export const pmComparison = async (
  reader: KpiReader,
  query: KpiQuery,
  granularity: Granularity,
): Promise<PmComparison> => {
  const [feedbackVolume, votes, uniqueVoters, activeCustomers, responseTimes, closedLoop, linked] =
    await Promise.all([
      reader.feedbackVolume(query, granularity),
      reader.votesOverTime(query, granularity),
      reader.uniqueVoters(query, granularity),
      reader.activeCustomers(query, granularity),
      reader.responseTimes(query),
      reader.closedLoop(query),
      reader.linkedShares(query),
    ]);
  return {
    feedbackVolume,
    votes,
    uniqueVoters,
    activeCustomers,
    responseTimes,
    closedLoop,
    linked,
  };
};

export const poComparison = async (
  reader: KpiReader,
  query: KpiQuery,
  granularity: Granularity,
): Promise<PoComparison> => {
  const [velocity, backlogHealth] = await Promise.all([
    reader.sprintVelocity(query, granularity),
    reader.backlogHealth(query),
  ]);
  return { velocity, backlogHealth };
};

export const poFigures = async (
  reader: KpiReader,
  query: KpiQuery,
  granularity: Granularity,
): Promise<PoFigures> => {
  const [velocity, backlogHealth, roadmap, funnel, ageing, responseTimes] = await Promise.all([
    reader.sprintVelocity(query, granularity),
    reader.backlogHealth(query),
    reader.roadmapProgress(query),
    reader.statusFunnel(query),
    reader.feedbackAgeing(query),
    reader.responseTimes(query),
  ]);
  return { velocity, backlogHealth, roadmap, funnel, ageing, responseTimes };
};

type Table = { columns: string[]; rows: (string | number | null)[][] };

const durationRows = (name: string, stats: PmFigures['responseTimes']['firstResponse']) => [
  name,
  stats.count,
  stats.medianMs,
  stats.p90Ms,
];

const responseTimesTable = (
  times: PmFigures['responseTimes'],
  more: Table['rows'] = [],
): Table => ({
  columns: ['measure', 'count', 'median_ms', 'p90_ms'],
  rows: [
    durationRows('first_response', times.firstResponse),
    durationRows('triage', times.triage),
    ...more,
  ],
});

/** The table behind each chart of the product dashboard, as CSV rows. */
export const pmTable = (figures: PmFigures, table: DashboardTableName<'pm'>): Table => {
  switch (table) {
    case 'feedback-volume':
      return {
        columns: ['period', 'feedback'],
        rows: figures.feedbackVolume.series.map((p) => [p.period, p.count]),
      };
    case 'votes':
      return {
        columns: ['period', 'cast', 'withdrawn', 'net'],
        rows: figures.votes.series.map((p) => [p.period, p.cast, p.withdrawn, p.net]),
      };
    case 'unique-voters':
      return {
        columns: ['period', 'unique_voters'],
        rows: figures.uniqueVoters.series.map((p) => [p.period, p.count]),
      };
    case 'active-customers':
      return {
        columns: ['period', 'customers', 'companies'],
        rows: figures.activeCustomers.series.map((p) => [p.period, p.customers, p.companies]),
      };
    case 'top-by-votes':
    case 'top-by-revenue':
      return {
        columns: ['feedback_id', 'title', 'board_id', 'status_id', 'votes', 'revenue_cents'],
        rows: (table === 'top-by-votes' ? figures.topByVotes : figures.topByRevenue).map((r) => [
          r.feedbackId,
          r.title,
          r.boardId,
          r.statusId,
          r.votes,
          r.revenueCents,
        ]),
      };
    case 'response-times':
      return responseTimesTable(figures.responseTimes, [
        durationRows('lead_time_to_done', figures.closedLoop.leadTime),
      ]);
    case 'funnel':
      return funnelTable(figures.funnel);
    case 'ageing':
      return ageingTable(figures.ageing);
    case 'linked':
      return {
        columns: ['linked_to', 'feedback', 'of', 'share'],
        rows: [
          [
            'backlog',
            figures.linked.backlog.numerator,
            figures.linked.backlog.denominator,
            figures.linked.backlog.ratio,
          ],
          [
            'roadmap',
            figures.linked.roadmap.numerator,
            figures.linked.roadmap.denominator,
            figures.linked.roadmap.ratio,
          ],
        ],
      };
    case 'closed-loop':
      return {
        columns: [
          'delivered',
          'notified',
          'closed_loop_rate',
          'median_lead_time_ms',
          'p90_lead_time_ms',
        ],
        rows: [
          [
            figures.closedLoop.closedLoop.denominator,
            figures.closedLoop.closedLoop.numerator,
            figures.closedLoop.closedLoop.ratio,
            figures.closedLoop.leadTime.medianMs,
            figures.closedLoop.leadTime.p90Ms,
          ],
        ],
      };
    case 'revenue-by-quarter':
      return {
        columns: ['quarter', 'at_stake_cents', 'delivered_cents'],
        rows: figures.revenueByQuarter.map((q) => [q.quarter, q.atStakeCents, q.deliveredCents]),
      };
  }
};

const funnelTable = (funnel: PmFigures['funnel']): Table => ({
  columns: ['stage_or_status', 'kind', 'feedback'],
  rows: [
    ...funnel.stages.map((s) => [s.stage, 'stage', s.count]),
    ...funnel.byStatus.map((s) => [s.statusId, s.statusKind, s.count]),
  ],
});

const ageingTable = (ageing: PmFigures['ageing']): Table => ({
  columns: ['age_days', 'unresolved_feedback'],
  rows: ageing.buckets.map((b) => [b.bucket, b.count]),
});

/** The table behind each chart of the delivery dashboard, as CSV rows. */
export const poTable = (figures: PoFigures, table: DashboardTableName<'po'>): Table => {
  switch (table) {
    case 'velocity':
      return {
        columns: [
          'sprint_id',
          'name',
          'start_date',
          'end_date',
          'state',
          'accepted_items',
          'accepted_points',
          'carried_over_items',
          'carried_over_points',
        ],
        rows: figures.velocity.sprints.map((s) => [
          s.sprintId,
          s.name,
          s.startDate,
          s.endDate,
          s.state,
          s.acceptedItems,
          s.acceptedPoints,
          s.carriedOverItems,
          s.carriedOverPoints,
        ]),
      };
    case 'throughput':
      return {
        columns: ['period', 'items_accepted', 'points_accepted'],
        rows: figures.velocity.throughput.map((p) => [p.period, p.items, p.points]),
      };
    case 'backlog-health':
      return {
        columns: ['age_days', 'waiting_items'],
        rows: figures.backlogHealth.ageing.map((b) => [b.bucket, b.count]),
      };
    case 'roadmap-progress':
      return {
        columns: [
          'initiative_id',
          'title',
          'lane',
          'quarter',
          'items',
          'done_items',
          'points',
          'done_points',
          'percent',
        ],
        rows: figures.roadmap.map((i) => [
          i.initiativeId,
          i.title,
          i.lane,
          i.quarter,
          i.progress.itemCount,
          i.progress.doneItemCount,
          i.progress.points,
          i.progress.donePoints,
          i.progress.percent,
        ]),
      };
    case 'funnel':
      return funnelTable(figures.funnel);
    case 'ageing':
      return ageingTable(figures.ageing);
    case 'response-times':
      return responseTimesTable(figures.responseTimes);
  }
};
