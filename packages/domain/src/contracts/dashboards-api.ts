import type {
  ActiveCustomers,
  BacklogHealth,
  ClosedLoop,
  FeedbackAgeing,
  FeedbackVolume,
  InitiativeDelivery,
  LinkedShares,
  QuarterRevenue,
  ResponseTimes,
  SprintVelocity,
  StatusFunnel,
  TopRequest,
  UniqueVoters,
  VotesOverTime,
} from '../kpis/kpi-queries';

export type {
  ActiveCustomers,
  AgeBucket,
  BacklogHealth,
  ClosedLoop,
  DurationStats,
  FeedbackAgeing,
  FeedbackVolume,
  InitiativeDelivery,
  LinkedShares,
  QuarterRevenue,
  ResponseTimes,
  Share,
  SprintFigures,
  SprintVelocity,
  StatusFunnel,
  TopRequest,
  UniqueVoters,
  VotesOverTime,
} from '../kpis/kpi-queries';

// Shapes of the dashboards HTTP API (docs/kpis.md defines every figure), shared with the web app.

/**
 * The query string of `GET /api/v1/dashboards/pm` and `/po`. Days are UTC `YYYY-MM-DD`, both
 * included; `to` defaults to today (or the day of `asOf`), `from` to 29 days before `to`.
 * `asOf` (an ISO timestamp) answers as the dashboard stood at that moment.
 */
export type DashboardParams = {
  from?: string;
  to?: string;
  boardId?: string;
  segment?: string;
  plan?: string;
  granularity?: 'day' | 'week';
  /** Also compute the previous period of the same length; on unless `false`. */
  compare?: boolean;
  asOf?: string;
};

/** The query as the API resolved it. */
export type ResolvedDashboardQuery = {
  from: string;
  to: string;
  boardId: string | null;
  segment: string | null;
  plan: string | null;
  granularity: 'day' | 'week';
  asOf: string | null;
  previous: { from: string; to: string } | null;
};

export type TopRequestView = TopRequest & { title: string };

export type PmFigures = {
  feedbackVolume: FeedbackVolume;
  votes: VotesOverTime;
  uniqueVoters: UniqueVoters;
  activeCustomers: ActiveCustomers;
  topByVotes: TopRequestView[];
  topByRevenue: TopRequestView[];
  responseTimes: ResponseTimes;
  funnel: StatusFunnel;
  ageing: FeedbackAgeing;
  linked: LinkedShares;
  closedLoop: ClosedLoop;
  revenueByQuarter: QuarterRevenue[];
};

export type PoFigures = {
  velocity: SprintVelocity;
  backlogHealth: BacklogHealth;
  roadmap: InitiativeDelivery[];
  funnel: StatusFunnel;
  ageing: FeedbackAgeing;
  responseTimes: ResponseTimes;
};

/**
 * The figures the previous period is compared on: what the headline numbers and the trend lines
 * show. The lists, funnel and quarters are not asked of it, which halves a dashboard's work.
 */
export type PmComparison = Pick<
  PmFigures,
  | 'feedbackVolume'
  | 'votes'
  | 'uniqueVoters'
  | 'activeCustomers'
  | 'responseTimes'
  | 'closedLoop'
  | 'linked'
>;
export type PoComparison = Pick<PoFigures, 'velocity' | 'backlogHealth'>;

/** Names of the ids the figures mention, as they are now. */
export type DashboardNames = {
  boards: Record<string, string>;
  statuses: Record<string, string>;
};

export type Dashboard<F, C> = {
  query: ResolvedDashboardQuery;
  current: F;
  /** The figures compared, for the previous period; null when `compare=false`. */
  previous: C | null;
  names: DashboardNames;
  /** Filter choices: the workspace's boards, segments and plans. */
  filters: { boards: { id: string; name: string }[]; segments: string[]; plans: string[] };
};
export type PmDashboard = Dashboard<PmFigures, PmComparison>;
export type PoDashboard = Dashboard<PoFigures, PoComparison>;

/**
 * The table behind each chart: `GET /api/v1/dashboards/:dashboard/tables/:table.csv` with the
 * dashboard's query string answers it as CSV (text/csv, a header row first).
 */
export const dashboardTables = {
  pm: [
    'feedback-volume',
    'votes',
    'unique-voters',
    'active-customers',
    'top-by-votes',
    'top-by-revenue',
    'response-times',
    'funnel',
    'ageing',
    'linked',
    'closed-loop',
    'revenue-by-quarter',
  ],
  po: [
    'velocity',
    'throughput',
    'backlog-health',
    'roadmap-progress',
    'funnel',
    'ageing',
    'response-times',
  ],
} as const;
export type DashboardName = keyof typeof dashboardTables;
export type DashboardTableName<D extends DashboardName> = (typeof dashboardTables)[D][number];

/**
 * What a number on a dashboard stands for: `GET /api/v1/dashboards/drill?of=<kind>` with the
 * dashboard's query string lists the feedback or backlog items behind it, newest first.
 * - `submitted`, `triaged`, `planned`, `done`: the funnel's stages (feedback submitted in range);
 * - `unanswered`, `untriaged`: submitted in range without a first response / triage;
 * - `status` (with `statusId`): submitted in range, in that status now;
 * - `ageing` (with `bucket`): unresolved feedback of that age at `to`;
 * - `linked`, `roadmap`: submitted in range and linked to backlog work / to the roadmap;
 * - `delivered`, `notified`: done in range, and those whose askers were told;
 * - `waiting`, `ready`: backlog items waiting, and those meeting the Definition of Ready;
 * - `sprint` (with `sprintId`): the items accepted in that sprint;
 * - `initiative` (with `initiativeId`): the stories and tasks counted in its progress.
 */
export const drillKinds = [
  'submitted',
  'triaged',
  'planned',
  'done',
  'unanswered',
  'untriaged',
  'status',
  'ageing',
  'linked',
  'roadmap',
  'delivered',
  'notified',
  'waiting',
  'ready',
  'sprint',
  'initiative',
] as const;
export type DrillKind = (typeof drillKinds)[number];

export type DrillRow =
  | {
      kind: 'feedback';
      id: string;
      title: string;
      boardId: string;
      statusId: string;
      submittedAt: string;
      votes: number;
    }
  | {
      kind: 'backlogItem';
      id: string;
      title: string;
      itemKind: 'epic' | 'story' | 'task';
      stage: 'backlog' | 'sprint' | 'accepted' | 'released';
      estimate: number | null;
      createdAt: string;
    };

/** Up to `limit` (default 50, at most 200) rows a page; `cursor` continues. */
export type DrillPage = { rows: DrillRow[]; total: number; nextCursor: string | null };
