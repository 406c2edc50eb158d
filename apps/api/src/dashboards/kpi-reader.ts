import {
  ageBuckets,
  backlogHealth,
  feedbackVolume,
  initialKpiRollup,
  kpiRowKey,
  periodsIn,
  quartersIn,
  roadmapProgress,
  share,
  sprintVelocity,
  votesOverTime,
  type ActiveCustomers,
  type AgeBucket,
  type BacklogHealth,
  type DrillKind,
  type ClosedLoop,
  type DurationStats,
  type FeedbackAgeing,
  type FeedbackVolume,
  type Granularity,
  type InitiativeDelivery,
  type KpiQuery,
  type KpiRollup,
  type KpiTableName,
  type LinkedShares,
  type QuarterRevenue,
  type ResponseTimes,
  type SprintVelocity,
  type StatusFunnel,
  type StatusKind,
  type TopRequest,
  type UniqueVoters,
  type VotesOverTime,
} from '@chorus/domain';
import { kpiRowOf, selectKpiRows } from '@chorus/event-store';
import { iso } from '../platform/sql-time';

/** Runs one SQL statement: a DataSource's or a transaction's `query`. */
export type SqlQuery = <T>(sql: string, params: unknown[]) => Promise<T>;

/**
 * A statement's parameters, numbered as they are added, and the conditions every KPI shares:
 * which version of a row is live (the current one, or the one valid at `asOf`) and the filters.
 */
class Statement {
  readonly params: unknown[] = [];

  constructor(
    private readonly query: KpiQuery,
    private readonly asOf: string | null,
  ) {}

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  live(alias: string): string {
    if (this.asOf === null) return `${alias}.valid_to IS NULL`;
    const at = this.param(this.asOf);
    return `${alias}.valid_from <= ${at}::timestamptz AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${at}::timestamptz)`;
  }

  /** A row of a set (rows only ever added) is there from its `valid_from`. */
  added(alias: string): string {
    return this.asOf === null
      ? 'TRUE'
      : `${alias}.valid_from <= ${this.param(this.asOf)}::timestamptz`;
  }

  workspace(alias: string): string {
    return `${alias}.workspace_id = ${this.param(this.query.workspaceId)}`;
  }

  /** Workspace, board, segment and plan of rows that carry all four. */
  matches(alias: string): string {
    const { boardId, segment, plan } = this.query;
    return [
      this.workspace(alias),
      ...(boardId === undefined ? [] : [`${alias}.board_id = ${this.param(boardId)}`]),
      ...(segment === undefined ? [] : [`${alias}.segment = ${this.param(segment)}`]),
      ...(plan === undefined ? [] : [`${alias}.plan = ${this.param(plan)}`]),
    ].join(' AND ');
  }

  dayInRange(expression: string): string {
    return `${expression} BETWEEN ${this.param(this.query.from)}::date AND ${this.param(this.query.to)}::date`;
  }

  /** A UTC timestamp column within the range's days: index-friendly. */
  timeInRange(column: string): string {
    const from = this.param(this.query.from);
    const to = this.param(this.query.to);
    return `${column} >= (${from}::date::timestamp AT TIME ZONE 'UTC')
      AND ${column} < ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC')`;
  }

  /** The domain's row key as stored (kpis projection): a uuid of the key's text. */
  static key(expression: string): string {
    return `md5(${expression})::uuid`;
  }
}

const utcDay = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/** Live, counted feedback standing on its own: `isLiveFeedback`. */
const isLive = (alias: string) =>
  `NOT ${alias}.spam AND ${alias}.moderation <> 'rejected' AND ${alias}.merged_into IS NULL`;

/**
 * Nearest-rank percentile (`percentile` in kpi-queries): the value at `ceil(p × n / 100)` of the
 * sorted values, in integers; one sort serves both percentiles.
 */
const nearestRank = (p: number) =>
  `(array_agg(ms ORDER BY ms))[GREATEST(1, (${p} * count(*) + 99) / 100)]`;

const durationStatsSql = (durations: string) => `
  SELECT count(*)::int AS count, ${nearestRank(50)} AS median_ms, ${nearestRank(90)} AS p90_ms
  FROM (${durations}) d`;

type DurationRecord = { count: number; median_ms: number | null; p90_ms: number | null };
const durationStatsOf = (r: DurationRecord | undefined): DurationStats => ({
  count: r?.count ?? 0,
  medianMs: r?.median_ms ?? null,
  p90Ms: r?.p90_ms ?? null,
});

const ms = (from: string, to: string) => `(extract(epoch FROM (${to} - ${from})) * 1000)::float8`;

/** Null keys (no segment) sort last, as `byKey` in kpi-queries. */
const byKey = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/**
 * Every KPI of docs/kpis.md read from the kpis projection's tables, as they are now or as they
 * were at `asOf`. Large tables (feedback, ballots, voter and active days) are aggregated in SQL;
 * small ones (daily counters in range, sprints, backlog items, initiatives) are read into the
 * rollup's shape and answered by the domain's own query functions, so both paths share one
 * definition. A test checks every answer against the pure queries on random histories.
 */
export class KpiReader {
  constructor(
    private readonly sql: SqlQuery,
    private readonly asOf: string | null,
  ) {}

  private statement(query: KpiQuery): Statement {
    return new Statement(query, this.asOf);
  }

  /** Live rows of a small table, read into a rollup the pure queries answer from. */
  private async rollupOf(
    name: KpiTableName,
    where: (s: Statement, alias: string) => string,
    query: KpiQuery,
  ): Promise<KpiRollup> {
    const s = this.statement(query);
    const at = this.asOf === null ? null : `${s.param(this.asOf)}::timestamptz`;
    const records = await this.sql<Record<string, unknown>[]>(
      selectKpiRows(name, at, where(s, 't')),
      s.params,
    );
    const keyOf = kpiRowKey[name] as (row: unknown) => string;
    const rows = records.map((record) => kpiRowOf(name, record));
    return { ...initialKpiRollup(), [name]: new Map(rows.map((row) => [keyOf(row), row])) };
  }

  private async rollupOfMany(
    query: KpiQuery,
    tables: readonly [KpiTableName, (s: Statement, alias: string) => string][],
  ): Promise<KpiRollup> {
    const parts = await Promise.all(
      tables.map(([name, where]) => this.rollupOf(name, where, query)),
    );
    return Object.assign(
      initialKpiRollup(),
      ...parts.map((part, i) => {
        const name = tables[i]?.[0] as KpiTableName;
        return { [name]: part[name] };
      }),
    ) as KpiRollup;
  }

  async feedbackVolume(query: KpiQuery, granularity: Granularity): Promise<FeedbackVolume> {
    const rollup = await this.rollupOf(
      'feedbackDaily',
      (s, t) => `${s.matches(t)} AND ${s.dayInRange(`${t}.day`)}`,
      query,
    );
    return feedbackVolume(rollup, query, granularity);
  }

  async votesOverTime(query: KpiQuery, granularity: Granularity): Promise<VotesOverTime> {
    const rollup = await this.rollupOf(
      'votesDaily',
      (s, t) => `${s.matches(t)} AND ${s.dayInRange(`${t}.day`)}`,
      query,
    );
    return votesOverTime(rollup, query, granularity);
  }

  /** Distinct keys in the whole range and per period, every period present. */
  private async distinctByPeriod(
    query: KpiQuery,
    granularity: Granularity,
    table: string,
    columns: readonly string[],
  ): Promise<{ totals: number[]; series: { period: string; counts: number[] }[] }> {
    const period = granularity === 'day' ? 't.day' : `date_trunc('week', t.day::timestamp)::date`;
    // DISTINCT in a subquery is hashed; count(DISTINCT …) per group would sort each group.
    const distinct = async (column: string) => {
      const s = this.statement(query);
      const rows = `FROM ${table} t WHERE ${s.added('t')} AND ${s.matches('t')}
        AND ${s.dayInRange('t.day')} AND t.${column} IS NOT NULL`;
      const [periods, [total]] = await Promise.all([
        this.sql<{ period: string; count: number }[]>(
          `SELECT period::text AS period, count(*)::int AS count
           FROM (SELECT DISTINCT ${period} AS period, t.${column} ${rows}) d GROUP BY period`,
          s.params,
        ),
        this.sql<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM (SELECT DISTINCT t.${column} ${rows}) d`,
          s.params,
        ),
      ]);
      return {
        total: total?.count ?? 0,
        byPeriod: new Map(periods.map((p) => [p.period, p.count])),
      };
    };
    const counted = await Promise.all(columns.map(distinct));
    return {
      totals: counted.map((c) => c.total),
      series: periodsIn(query.from, query.to, granularity).map((p) => ({
        period: p,
        counts: counted.map((c) => c.byPeriod.get(p) ?? 0),
      })),
    };
  }

  async uniqueVoters(query: KpiQuery, granularity: Granularity): Promise<UniqueVoters> {
    const { totals, series } = await this.distinctByPeriod(query, granularity, 'kpi_voter_days', [
      'voter_id',
    ]);
    return {
      total: totals[0] ?? 0,
      series: series.map(({ period, counts }) => ({ period, count: counts[0] ?? 0 })),
    };
  }

  async activeCustomers(query: KpiQuery, granularity: Granularity): Promise<ActiveCustomers> {
    const { totals, series } = await this.distinctByPeriod(query, granularity, 'kpi_active_days', [
      'customer_id',
      'company_id',
    ]);
    return {
      customers: totals[0] ?? 0,
      companies: totals[1] ?? 0,
      series: series.map(({ period, counts }) => ({
        period,
        customers: counts[0] ?? 0,
        companies: counts[1] ?? 0,
      })),
    };
  }

  /**
   * The standing ballots chosen, each as (the request it counts for — the item voted on, or the
   * one it was merged into —, the voter, the voter's company now), keeping voters of the segment
   * and plan asked for. Whether the request is live is for the caller to check: doing it after
   * the rows are made distinct joins far fewer of them.
   */
  private demand(s: Statement, query: KpiQuery, ballots: (alias: string) => string): string {
    const { segment, plan } = query;
    const company =
      segment === undefined && plan === undefined
        ? ''
        : `JOIN kpi_companies co ON co.company_id = c.company_id AND ${s.live('co')}
           ${segment === undefined ? '' : `AND co.segment = ${s.param(segment)}`}
           ${plan === undefined ? '' : `AND co.plan = ${s.param(plan)}`}`;
    return `
      SELECT DISTINCT coalesce(m.merged_into, b.feedback_id) AS root_id, b.voter_id, c.company_id
      FROM kpi_ballots b
      LEFT JOIN kpi_feedback m ON m.feedback_id = b.feedback_id AND m.merged_into IS NOT NULL
        AND ${s.live('m')}
      LEFT JOIN kpi_customers c ON c.customer_id = b.voter_id AND ${s.live('c')}
        AND c.workspace_id = b.workspace_id
      ${company}
      WHERE ${s.workspace('b')} AND ${s.live('b')} AND ${ballots('b')}`;
  }

  async topRequests(
    query: KpiQuery,
    by: 'votes' | 'revenue',
    limit: number,
  ): Promise<TopRequest[]> {
    return (await this.topRequestLists(query, limit))[by];
  }

  /** The most wanted requests by votes and by revenue, from one pass over the ballots. */
  async topRequestLists(
    query: KpiQuery,
    limit: number,
  ): Promise<Record<'votes' | 'revenue', TopRequest[]>> {
    const s = this.statement(query);
    const demand = this.demand(s, query, (b) => s.timeInRange(`${b}.voted_at`));
    const board = query.boardId === undefined ? '' : `AND r.board_id = ${s.param(query.boardId)}`;
    const top = s.param(limit);
    const records = await this.sql<
      {
        list: 'votes' | 'revenue';
        feedback_id: string;
        board_id: string;
        status_id: string;
        status_kind: StatusKind;
        votes: number;
        revenue_cents: number;
      }[]
    >(
      `WITH demand AS MATERIALIZED (${demand}),
       voters AS (
         SELECT root_id, count(*)::int AS votes
         FROM (SELECT DISTINCT root_id, voter_id FROM demand) v GROUP BY root_id),
       revenue AS (
         SELECT d.root_id, sum(co.mrr_cents)::float8 AS cents
         FROM (SELECT DISTINCT root_id, company_id FROM demand WHERE company_id IS NOT NULL) d
         JOIN kpi_companies co ON co.company_id = d.company_id AND ${s.live('co')}
         GROUP BY d.root_id),
       ranked AS (
         SELECT v.root_id AS feedback_id, r.board_id, r.status_id, r.status_kind, v.votes,
           coalesce(m.cents, 0) AS revenue_cents
         FROM voters v
         JOIN kpi_feedback r ON r.key = ${Statement.key('v.root_id')} AND ${s.live('r')}
           AND ${isLive('r')} ${board}
         LEFT JOIN revenue m ON m.root_id = v.root_id)
       (SELECT 'votes' AS list, * FROM ranked
        ORDER BY votes DESC, revenue_cents DESC, feedback_id COLLATE "C" LIMIT ${top})
       UNION ALL
       (SELECT 'revenue' AS list, * FROM ranked
        ORDER BY revenue_cents DESC, votes DESC, feedback_id COLLATE "C" LIMIT ${top})`,
      s.params,
    );
    const list = (name: 'votes' | 'revenue'): TopRequest[] =>
      records
        .filter((r) => r.list === name)
        .map((r) => ({
          feedbackId: r.feedback_id,
          boardId: r.board_id,
          statusId: r.status_id,
          statusKind: r.status_kind,
          votes: r.votes,
          revenueCents: r.revenue_cents,
        }));
    return { votes: list('votes'), revenue: list('revenue') };
  }

  /** Live feedback submitted in the range, by current board and its author's segment and plan. */
  private cohort(s: Statement, alias = 'f'): string {
    return `${s.live(alias)} AND ${isLive(alias)} AND ${s.matches(alias)}
      AND ${s.timeInRange(`${alias}.submitted_at`)}`;
  }

  async responseTimes(query: KpiQuery): Promise<ResponseTimes> {
    const s = this.statement(query);
    const cohort = `SELECT * FROM kpi_feedback f WHERE ${this.cohort(s)}`;
    const [records] = await this.sql<
      [{ submitted: number; first: DurationRecord; triage: DurationRecord }]
    >(
      `WITH cohort AS (${cohort})
       SELECT (SELECT count(*)::int FROM cohort) AS submitted,
         (SELECT row_to_json(x) FROM (${durationStatsSql(
           `SELECT ${ms('submitted_at', 'first_response_at')} AS ms FROM cohort WHERE first_response_at IS NOT NULL`,
         )}) x) AS first,
         (SELECT row_to_json(x) FROM (${durationStatsSql(
           `SELECT ${ms('submitted_at', 'triaged_at')} AS ms FROM cohort WHERE triaged_at IS NOT NULL`,
         )}) x) AS triage`,
      s.params,
    );
    const firstResponse = durationStatsOf(records?.first);
    const triage = durationStatsOf(records?.triage);
    const submitted = records?.submitted ?? 0;
    return {
      submitted,
      firstResponse,
      unanswered: submitted - firstResponse.count,
      triage,
      untriaged: submitted - triage.count,
    };
  }

  async statusFunnel(query: KpiQuery): Promise<StatusFunnel> {
    const s = this.statement(query);
    const records = await this.sql<
      {
        status_id: string;
        status_kind: StatusKind;
        count: number;
        triaged: number;
        planned: number;
        done: number;
      }[]
    >(
      `SELECT f.status_id, f.status_kind, count(*)::int AS count,
         count(*) FILTER (WHERE f.triaged_at IS NOT NULL)::int AS triaged,
         count(*) FILTER (WHERE f.reached_active)::int AS planned,
         count(*) FILTER (WHERE f.reached_done)::int AS done
       FROM kpi_feedback f WHERE ${this.cohort(s)}
       GROUP BY f.status_id, f.status_kind`,
      s.params,
    );
    const sum = (column: 'count' | 'triaged' | 'planned' | 'done') =>
      records.reduce((total, r) => total + r[column], 0);
    return {
      stages: [
        { stage: 'submitted', count: sum('count') },
        { stage: 'triaged', count: sum('triaged') },
        { stage: 'planned', count: sum('planned') },
        { stage: 'done', count: sum('done') },
      ],
      byStatus: records
        .map((r) => ({ statusId: r.status_id, statusKind: r.status_kind, count: r.count }))
        .sort(
          (a, b) =>
            b.count - a.count || byKey(a.statusId, b.statusId) || byKey(a.statusKind, b.statusKind),
        ),
    };
  }

  async feedbackAgeing(query: KpiQuery): Promise<FeedbackAgeing> {
    const s = this.statement(query);
    const to = s.param(query.to);
    const records = await this.sql<{ bucket: AgeBucket; count: number }[]>(
      `SELECT CASE WHEN age <= 7 THEN '0-7' WHEN age <= 30 THEN '8-30' WHEN age <= 90 THEN '31-90'
           ELSE '91+' END AS bucket, count(*)::int AS count
       FROM (SELECT ${to}::date - ${utcDay('f.submitted_at')} AS age
             FROM kpi_feedback f
             WHERE ${s.live('f')} AND ${isLive('f')} AND ${s.matches('f')}
               AND f.status_kind IN ('open', 'active')
               AND f.submitted_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC')) a
       GROUP BY 1`,
      s.params,
    );
    const counts = new Map(records.map((r) => [r.bucket, r.count]));
    const buckets = ageBuckets.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 }));
    return { total: buckets.reduce((sum, b) => sum + b.count, 0), buckets };
  }

  /** Live initiatives an item works towards (`initiativesOfItem`): on it, its parent or grandparent. */
  private onRoadmap(s: Statement, itemId: string): string {
    const item = (alias: string, id: string) =>
      `kpi_backlog_items ${alias} ON ${alias}.key = ${Statement.key(id)} AND ${s.live(alias)}`;
    const initiative = (id: string) =>
      `EXISTS (SELECT 1 FROM kpi_initiatives i WHERE i.key = ${Statement.key(id)} AND ${s.live('i')}
         AND NOT i.archived)`;
    return `EXISTS (SELECT 1 FROM kpi_backlog_items i0
      LEFT JOIN ${item('i1', 'i0.parent_id')}
      LEFT JOIN ${item('i2', 'i1.parent_id')}
      WHERE i0.key = ${Statement.key(itemId)} AND ${s.live('i0')}
        AND (${initiative('i0.initiative_id')} OR ${initiative('i1.initiative_id')}
          OR ${initiative('i2.initiative_id')}))`;
  }

  async linkedShares(query: KpiQuery): Promise<LinkedShares> {
    const s = this.statement(query);
    const [record] = await this.sql<[{ cohort: number; linked: number; roadmap: number }]>(
      `SELECT count(*)::int AS cohort,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM kpi_feedback_links l
           WHERE l.feedback_id = f.feedback_id AND ${s.live('l')} AND ${s.workspace('l')}))::int AS linked,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM kpi_feedback_links l
           WHERE l.feedback_id = f.feedback_id AND ${s.live('l')} AND ${s.workspace('l')}
             AND ${this.onRoadmap(s, 'l.item_id')}))::int AS roadmap
       FROM kpi_feedback f WHERE ${this.cohort(s)}`,
      s.params,
    );
    return {
      backlog: share(record?.linked ?? 0, record?.cohort ?? 0),
      roadmap: share(record?.roadmap ?? 0, record?.cohort ?? 0),
    };
  }

  async closedLoop(query: KpiQuery): Promise<ClosedLoop> {
    const s = this.statement(query);
    const done = `SELECT * FROM kpi_feedback f
      WHERE ${s.live('f')} AND ${isLive('f')} AND ${s.matches('f')} AND f.status_kind = 'done'
        AND f.done_at IS NOT NULL AND ${s.timeInRange('f.done_at')}`;
    const [record] = await this.sql<[{ done: number; notified: number; lead: DurationRecord }]>(
      `WITH done AS (${done})
       SELECT (SELECT count(*)::int FROM done) AS done,
         (SELECT count(*)::int FROM done WHERE notified) AS notified,
         (SELECT row_to_json(x) FROM (${durationStatsSql(
           `SELECT ${ms('submitted_at', 'done_at')} AS ms FROM done`,
         )}) x) AS lead`,
      s.params,
    );
    return {
      closedLoop: share(record?.notified ?? 0, record?.done ?? 0),
      leadTime: durationStatsOf(record?.lead),
    };
  }

  async revenueByQuarter(query: KpiQuery): Promise<QuarterRevenue[]> {
    const s = this.statement(query);
    const roots = `SELECT f.feedback_id, f.status_kind, ${utcDay('f.submitted_at')} AS day
      FROM kpi_feedback f
      WHERE ${s.live('f')} AND ${isLive('f')} AND ${s.workspace('f')}
        ${query.boardId === undefined ? '' : `AND f.board_id = ${s.param(query.boardId)}`}
        AND ${s.timeInRange('f.submitted_at')}`;
    const members = `SELECT feedback_id FROM roots UNION ALL
      SELECT d.feedback_id FROM kpi_feedback d JOIN roots ON d.merged_into = roots.feedback_id
      WHERE ${s.live('d')}`;
    const demand = this.demand(
      s,
      { ...query, boardId: undefined },
      (b) => `${b}.feedback_id IN (SELECT feedback_id FROM members)`,
    );
    const records = await this.sql<{ quarter: string; at_stake: number; delivered: number }[]>(
      `WITH roots AS (${roots}), members AS (${members}),
       demand AS (SELECT DISTINCT d.root_id, d.company_id FROM (${demand}) d
         JOIN roots ON roots.feedback_id = d.root_id WHERE d.company_id IS NOT NULL),
       revenue AS (
         SELECT d.root_id, sum(co.mrr_cents)::float8 AS cents FROM demand d
         JOIN kpi_companies co ON co.company_id = d.company_id AND ${s.live('co')}
         GROUP BY d.root_id)
       SELECT to_char(roots.day, 'YYYY') || '-Q' || to_char(roots.day, 'Q') AS quarter,
         coalesce(sum(m.cents) FILTER (WHERE roots.status_kind IN ('open', 'active')), 0)::float8 AS at_stake,
         coalesce(sum(m.cents) FILTER (WHERE roots.status_kind = 'done'), 0)::float8 AS delivered
       FROM roots JOIN revenue m ON m.root_id = roots.feedback_id
       GROUP BY 1`,
      s.params,
    );
    const byQuarter = new Map(records.map((r) => [r.quarter, r]));
    return quartersIn(query.from, query.to).map((quarter) => ({
      quarter,
      atStakeCents: byQuarter.get(quarter)?.at_stake ?? 0,
      deliveredCents: byQuarter.get(quarter)?.delivered ?? 0,
    }));
  }

  async sprintVelocity(query: KpiQuery, granularity: Granularity): Promise<SprintVelocity> {
    const rollup = await this.rollupOfMany(query, [
      ['sprints', (s, t) => `${s.workspace(t)} AND ${s.dayInRange(`${t}.end_date`)}`],
      ['sprintWork', (s, t) => s.workspace(t)],
      ['acceptedDaily', (s, t) => `${s.workspace(t)} AND ${s.dayInRange(`${t}.day`)}`],
    ]);
    return sprintVelocity(rollup, query, granularity);
  }

  async backlogHealth(query: KpiQuery): Promise<BacklogHealth> {
    const rollup = await this.rollupOf(
      'backlogItems',
      (s, t) => `${s.workspace(t)} AND ${t}.stage = 'backlog' AND ${t}.kind <> 'epic'`,
      query,
    );
    return backlogHealth(rollup, query);
  }

  async roadmapProgress(query: KpiQuery): Promise<InitiativeDelivery[]> {
    const rollup = await this.rollupOfMany(query, [
      ['backlogItems', (s, t) => s.workspace(t)],
      ['initiatives', (s, t) => s.workspace(t)],
    ]);
    return roadmapProgress(rollup, query);
  }

  /**
   * The feedback or backlog items behind a number (`DrillKind`), newest first, a page after
   * `after` (the last row's time and id), with how many there are in all.
   */
  async drill(
    query: KpiQuery,
    of: DrillTarget,
    after: readonly [string, string] | null,
    limit: number,
  ): Promise<{ rows: DrillRecord[]; total: number }> {
    const s = this.statement(query);
    const { from, where, time, id, select } = this.drillSource(s, query, of);
    const page = (count: boolean) => {
      const cursor =
        !count && after
          ? ` AND (${time}, ${id}) < (${s.param(after[0])}::timestamptz, ${s.param(after[1])})`
          : '';
      return `SELECT ${count ? 'count(*)::int AS total' : select} FROM ${from} WHERE ${where}${cursor}`;
    };
    const totalSql = page(true);
    const totalParams = [...s.params];
    const rowsSql = `${page(false)} ORDER BY ${time} DESC, ${id} DESC LIMIT ${s.param(limit)}`;
    const [rows, totals] = await Promise.all([
      this.sql<DrillRecord[]>(rowsSql, s.params),
      this.sql<{ total: number }[]>(totalSql, totalParams),
    ]);
    return { rows, total: totals[0]?.total ?? 0 };
  }

  private drillSource(
    s: Statement,
    query: KpiQuery,
    of: DrillTarget,
  ): { from: string; where: string; time: string; id: string; select: string } {
    const feedback = (where: string) => ({
      from: `kpi_feedback f LEFT JOIN feedback_list fl ON fl.feedback_id = f.feedback_id::uuid`,
      where,
      time: 'f.submitted_at',
      id: 'f.feedback_id',
      select: `'feedback' AS kind, f.feedback_id AS id, coalesce(fl.title, '') AS title,
        f.board_id, f.status_id, ${iso('f.submitted_at')} AS at,
        coalesce(fl.vote_count, 0) AS votes`,
    });
    const items = (where: string) => ({
      from: `kpi_backlog_items i LEFT JOIN backlog_items bi ON bi.id = i.item_id::uuid`,
      where: `${s.live('i')} AND ${s.workspace('i')} AND ${where}`,
      time: 'i.created_at',
      id: 'i.item_id',
      select: `'backlogItem' AS kind, i.item_id AS id, coalesce(bi.title, '') AS title,
        i.kind AS item_kind, i.stage, i.estimate,
        ${iso('i.created_at')} AS at`,
    });
    const link = (extra = '') => `EXISTS (SELECT 1 FROM kpi_feedback_links l
      WHERE l.feedback_id = f.feedback_id AND ${s.live('l')} AND ${s.workspace('l')}${extra})`;
    const delivered = () => `${s.live('f')} AND ${isLive('f')} AND ${s.matches('f')}
      AND f.status_kind = 'done' AND f.done_at IS NOT NULL AND ${s.timeInRange('f.done_at')}`;
    const waiting = () => `i.stage = 'backlog' AND i.kind <> 'epic'
      AND ${utcDay('i.created_at')} <= ${s.param(query.to)}::date`;
    switch (of.kind) {
      case 'submitted':
        return feedback(this.cohort(s));
      case 'triaged':
        return feedback(`${this.cohort(s)} AND f.triaged_at IS NOT NULL`);
      case 'planned':
        return feedback(`${this.cohort(s)} AND f.reached_active`);
      case 'done':
        return feedback(`${this.cohort(s)} AND f.reached_done`);
      case 'unanswered':
        return feedback(`${this.cohort(s)} AND f.first_response_at IS NULL`);
      case 'untriaged':
        return feedback(`${this.cohort(s)} AND f.triaged_at IS NULL`);
      case 'status':
        return feedback(`${this.cohort(s)} AND f.status_id = ${s.param(of.statusId)}`);
      case 'ageing': {
        const to = s.param(query.to);
        const age = `${to}::date - ${utcDay('f.submitted_at')}`;
        const bucket = { '0-7': [0, 7], '8-30': [8, 30], '31-90': [31, 90], '91+': [91, 1e6] }[
          of.bucket
        ];
        return feedback(`${s.live('f')} AND ${isLive('f')} AND ${s.matches('f')}
          AND f.status_kind IN ('open', 'active') AND ${age} BETWEEN ${bucket[0]} AND ${bucket[1]}`);
      }
      case 'linked':
        return feedback(`${this.cohort(s)} AND ${link()}`);
      case 'roadmap':
        return feedback(`${this.cohort(s)} AND ${link(` AND ${this.onRoadmap(s, 'l.item_id')}`)}`);
      case 'delivered':
        return feedback(delivered());
      case 'notified':
        return feedback(`${delivered()} AND f.notified`);
      case 'waiting':
        return items(waiting());
      case 'ready':
        return items(`${waiting()} AND i.criteria_count > 0 AND i.estimate IS NOT NULL`);
      case 'sprint':
        // Acceptance is final: the log's acceptances in the sprint are the items it delivered.
        return items(`i.item_id IN (SELECT e.data->>'itemId' FROM events e
          WHERE e.workspace_id = ${s.param(query.workspaceId)}::uuid AND e.stream_type = 'backlog'
            AND e.type = 'BacklogItemAccepted' AND e.data->>'sprintId' = ${s.param(of.sprintId)}
            ${this.asOf === null ? '' : `AND (e.metadata->>'occurredAt')::timestamptz <= ${s.param(this.asOf)}::timestamptz`})`);
      case 'initiative': {
        const parent = (alias: string, id: string) =>
          `LEFT JOIN kpi_backlog_items ${alias} ON ${alias}.key = ${Statement.key(id)} AND ${s.live(alias)}`;
        const initiative = s.param(of.initiativeId);
        return items(`i.kind <> 'epic' AND EXISTS (SELECT 1 FROM kpi_backlog_items i0
          ${parent('i1', 'i0.parent_id')} ${parent('i2', 'i1.parent_id')}
          WHERE i0.key = i.key AND ${s.live('i0')}
            AND ${initiative} IN (i0.initiative_id, i1.initiative_id, i2.initiative_id))`);
      }
    }
  }
}

/** What a drill-down lists: a DrillKind with the id or bucket it needs. */
export type DrillTarget =
  | {
      kind: Exclude<DrillKind, 'status' | 'ageing' | 'sprint' | 'initiative'>;
    }
  | { kind: 'status'; statusId: string }
  | { kind: 'ageing'; bucket: AgeBucket }
  | { kind: 'sprint'; sprintId: string }
  | { kind: 'initiative'; initiativeId: string };

export type DrillRecord =
  | {
      kind: 'feedback';
      id: string;
      title: string;
      board_id: string;
      status_id: string;
      at: string;
      votes: number;
    }
  | {
      kind: 'backlogItem';
      id: string;
      title: string;
      item_kind: 'epic' | 'story' | 'task';
      stage: 'backlog' | 'sprint' | 'accepted' | 'released';
      estimate: number | null;
      at: string;
    };
