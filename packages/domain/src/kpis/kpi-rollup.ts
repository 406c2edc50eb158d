import type { z } from 'zod';
import type { BacklogItemKind } from '../backlog/backlog.events';
import { submittedFacts } from '../feedback/feedback';
import {
  defaultStatusKind,
  type FeedbackSourceName,
  type ModerationStateName,
  type StatusKind,
} from '../feedback/feedback-workflow';
import { shippedFeedbackIds } from '../notifications/notification.events';
import type { RoadmapLane } from '../roadmap/initiative.events';
import type { SprintState } from '../sprints/sprint';
import { definedFields } from '../shared/changes';
import { dayOf } from './kpi-calendar';
import type { KpiEvent } from './kpi-events';

/*
 * The KPI read model: each part below is a table a SQL projection keeps (`table: columns`, the
 * primary key first). Counters are bucketed by UTC day and only ever receive deltas; the other
 * tables are rows put or deleted whole. Every change is decided from one event and the current
 * rows, never by folding history again. Queries (kpi-queries.ts) aggregate these tables.
 */

/**
 * `kpi_feedback_daily`: workspace_id, day, board_id, source, segment, plan → submitted.
 * Feedback submitted that day, not spam and not rejected, under its current board and the
 * segment and plan of its author's company when it was submitted.
 */
export type FeedbackDailyRow = {
  workspaceId: string;
  day: string;
  boardId: string;
  source: FeedbackSourceName;
  segment: string | null;
  plan: string | null;
  submitted: number;
};

/**
 * `kpi_votes_daily`: workspace_id, day, board_id, segment, plan → cast, withdrawn. Votes as they
 * happened: the feedback's board and the voter's company's segment and plan at that moment.
 */
export type VotesDailyRow = {
  workspaceId: string;
  day: string;
  boardId: string;
  segment: string | null;
  plan: string | null;
  cast: number;
  withdrawn: number;
};

/** `kpi_accepted_daily`: workspace_id, day → items, points. Backlog items accepted that day. */
export type AcceptedDailyRow = { workspaceId: string; day: string; items: number; points: number };

/**
 * `kpi_sprint_work`: sprint_id → workspace_id, accepted_items, accepted_points,
 * carried_over_items, carried_over_points. Carried-over points are the item's estimate then.
 */
export type SprintWorkRow = {
  workspaceId: string;
  sprintId: string;
  acceptedItems: number;
  acceptedPoints: number;
  carriedOverItems: number;
  carriedOverPoints: number;
};

/**
 * `kpi_voter_days`: workspace_id, day, voter_id, board_id, segment, plan (all of it the key).
 * Someone cast a vote that day, on that board, from a company of that segment and plan.
 */
export type VoterDayRow = {
  workspaceId: string;
  day: string;
  voterId: string;
  boardId: string;
  segment: string | null;
  plan: string | null;
};

/**
 * `kpi_active_days`: workspace_id, day, customer_id, company_id, board_id, segment, plan (all of
 * it the key). A known customer submitted, voted or commented that day, as their company was then.
 */
export type ActiveDayRow = {
  workspaceId: string;
  day: string;
  customerId: string;
  companyId: string | null;
  boardId: string;
  segment: string | null;
  plan: string | null;
};

/** `kpi_feedback`: feedback_id → the facts of one item that its KPIs need. */
export type FeedbackFactsRow = {
  workspaceId: string;
  feedbackId: string;
  /** Its current board: triage moves misfiled feedback, and the dashboards follow. */
  boardId: string;
  source: FeedbackSourceName;
  /** Of its author's company when it was submitted; null when the author had none. */
  segment: string | null;
  plan: string | null;
  submittedAt: string;
  statusId: string;
  statusKind: StatusKind;
  /** The earliest public teammate comment or status change. */
  firstResponseAt: string | null;
  /** The earliest status change: it left the status it was submitted in. */
  triagedAt: string | null;
  /** It has been in a status of the active or done kind. */
  reachedActive: boolean;
  /** It has been in a status of the done kind. */
  reachedDone: boolean;
  /** When it entered the done kind it is in now; null unless it is done. */
  doneAt: string | null;
  /** A release told someone who asked for it that it shipped. */
  notified: boolean;
  moderation: ModerationStateName;
  spam: boolean;
  mergedInto: string | null;
};

/** `kpi_ballots`: feedback_id, voter_id → workspace_id, voted_at. Standing votes only. */
export type BallotRow = {
  workspaceId: string;
  feedbackId: string;
  voterId: string;
  votedAt: string;
};

/** `kpi_feedback_links`: feedback_id, item_id → workspace_id. Feedback a backlog item answers. */
export type FeedbackLinkRow = { workspaceId: string; feedbackId: string; itemId: string };

/** `kpi_customers`: customer_id → workspace_id, company_id. */
export type CustomerRow = { workspaceId: string; customerId: string; companyId: string | null };

/** `kpi_companies`: company_id → workspace_id, segment, plan, mrr_cents. */
export type CompanyRow = {
  workspaceId: string;
  companyId: string;
  segment: string | null;
  plan: string | null;
  mrrCents: number;
};

/** Where a backlog item is: waiting, in a sprint, accepted, or shipped in a release. */
export type BacklogItemStage = 'backlog' | 'sprint' | 'accepted' | 'released';

/**
 * `kpi_backlog_items`: item_id → workspace_id, kind, parent_id, created_at, stage, estimate,
 * criteria_count, initiative_id.
 */
export type BacklogItemRow = {
  workspaceId: string;
  itemId: string;
  kind: z.infer<typeof BacklogItemKind>;
  parentId: string | null;
  createdAt: string;
  stage: BacklogItemStage;
  estimate: number | null;
  criteriaCount: number;
  initiativeId: string | null;
};

/** `kpi_sprints`: sprint_id → workspace_id, name, start_date, end_date, state. */
export type SprintRow = {
  workspaceId: string;
  sprintId: string;
  name: string;
  startDate: string;
  endDate: string;
  state: SprintState;
};

/** `kpi_initiatives`: initiative_id → workspace_id, title, lane, quarter, archived. */
export type InitiativeRow = {
  workspaceId: string;
  initiativeId: string;
  title: string;
  lane: z.infer<typeof RoadmapLane>;
  quarter: string | null;
  archived: boolean;
};

type CounterTables = {
  feedbackDaily: FeedbackDailyRow;
  votesDaily: VotesDailyRow;
  acceptedDaily: AcceptedDailyRow;
  sprintWork: SprintWorkRow;
};
type RowTables = {
  voterDays: VoterDayRow;
  activeDays: ActiveDayRow;
  feedback: FeedbackFactsRow;
  ballots: BallotRow;
  links: FeedbackLinkRow;
  customers: CustomerRow;
  companies: CompanyRow;
  backlogItems: BacklogItemRow;
  sprints: SprintRow;
  initiatives: InitiativeRow;
};
type KpiTables = CounterTables & RowTables;
export type KpiTableName = keyof KpiTables;

/** Every table, keyed by its primary key (`kpiRowKey`). */
export type KpiRollup = { readonly [T in KpiTableName]: ReadonlyMap<string, KpiTables[T]> };

/**
 * One write of a batch: a counter row's deltas (a row whose counts are all zero is no row), or a
 * whole row put or deleted. A SQL projection turns each into an upsert or a delete.
 */
export type KpiRollupChange =
  | {
      [T in keyof CounterTables]: { op: 'add'; table: T; key: string; row: CounterTables[T] };
    }[keyof CounterTables]
  | {
      [T in keyof RowTables]: { op: 'put'; table: T; key: string; row: RowTables[T] };
    }[keyof RowTables]
  | { op: 'delete'; table: keyof RowTables; key: string };

const countColumns: { [T in keyof CounterTables]: readonly (keyof CounterTables[T] & string)[] } = {
  feedbackDaily: ['submitted'],
  votesDaily: ['cast', 'withdrawn'],
  acceptedDaily: ['items', 'points'],
  sprintWork: ['acceptedItems', 'acceptedPoints', 'carriedOverItems', 'carriedOverPoints'],
};

const composite = (...parts: (string | null)[]): string => JSON.stringify(parts);

const counterKey: { [T in keyof CounterTables]: (row: CounterTables[T]) => string } = {
  feedbackDaily: (r) => composite(r.workspaceId, r.day, r.boardId, r.source, r.segment, r.plan),
  votesDaily: (r) => composite(r.workspaceId, r.day, r.boardId, r.segment, r.plan),
  acceptedDaily: (r) => composite(r.workspaceId, r.day),
  sprintWork: (r) => r.sprintId,
};
const rowKey: { [T in keyof RowTables]: (row: RowTables[T]) => string } = {
  voterDays: (r) => composite(r.workspaceId, r.day, r.voterId, r.boardId, r.segment, r.plan),
  activeDays: (r) =>
    composite(r.workspaceId, r.day, r.customerId, r.companyId, r.boardId, r.segment, r.plan),
  feedback: (r) => r.feedbackId,
  ballots: (r) => composite(r.feedbackId, r.voterId),
  links: (r) => composite(r.feedbackId, r.itemId),
  customers: (r) => r.customerId,
  companies: (r) => r.companyId,
  backlogItems: (r) => r.itemId,
  sprints: (r) => r.sprintId,
  initiatives: (r) => r.initiativeId,
};
/** The primary key of a row of each table. */
export const kpiRowKey = { ...counterKey, ...rowKey };

export const initialKpiRollup = (): KpiRollup => ({
  feedbackDaily: new Map(),
  votesDaily: new Map(),
  acceptedDaily: new Map(),
  sprintWork: new Map(),
  voterDays: new Map(),
  activeDays: new Map(),
  feedback: new Map(),
  ballots: new Map(),
  links: new Map(),
  customers: new Map(),
  companies: new Map(),
  backlogItems: new Map(),
  sprints: new Map(),
  initiatives: new Map(),
});

const add = <T extends keyof CounterTables>(table: T, row: CounterTables[T]): KpiRollupChange =>
  ({ op: 'add', table, key: counterKey[table](row), row }) as KpiRollupChange;
const put = <T extends keyof RowTables>(table: T, row: RowTables[T]): KpiRollupChange =>
  ({ op: 'put', table, key: rowKey[table](row), row }) as KpiRollupChange;
const remove = <T extends keyof RowTables>(table: T, row: RowTables[T]): KpiRollupChange => ({
  op: 'delete',
  table,
  key: rowKey[table](row),
});

/** The counts of `delta` added to `before`'s; undefined when they all come to zero. */
const addCounts = <T extends keyof CounterTables>(
  table: T,
  before: CounterTables[T] | undefined,
  delta: CounterTables[T],
): CounterTables[T] | undefined => {
  const sum: Record<string, unknown> = { ...delta };
  const counts = before as Record<string, unknown> | undefined;
  for (const column of countColumns[table]) {
    sum[column] = Number(counts?.[column] ?? 0) + Number(sum[column]);
  }
  return countColumns[table].every((column) => sum[column] === 0)
    ? undefined
    : (sum as CounterTables[T]);
};

/** The rollup with the changes written, in order. Touches only the tables they name. */
export const applyKpiRollupChanges = (
  state: KpiRollup,
  changes: readonly KpiRollupChange[],
): KpiRollup => {
  const written = new Map<KpiTableName, Map<string, unknown>>();
  const tableOf = (name: KpiTableName): Map<string, unknown> => {
    const existing = written.get(name);
    if (existing) return existing;
    const copy = new Map<string, unknown>(state[name]);
    written.set(name, copy);
    return copy;
  };
  for (const change of changes) {
    const table = tableOf(change.table);
    switch (change.op) {
      case 'put':
        table.set(change.key, change.row);
        break;
      case 'delete':
        table.delete(change.key);
        break;
      case 'add': {
        const sum = addCounts(
          change.table,
          table.get(change.key) as typeof change.row | undefined,
          change.row,
        );
        if (sum) table.set(change.key, sum);
        else table.delete(change.key);
        break;
      }
    }
  }
  return { ...state, ...Object.fromEntries(written) };
};

/** Later writes to the same row fold into one: deltas add up, the last put or delete wins. */
const compact = (changes: readonly KpiRollupChange[]): KpiRollupChange[] => {
  const byRow = new Map<string, KpiRollupChange>();
  for (const change of changes) {
    const rowId = `${change.table}:${change.key}`;
    const earlier = byRow.get(rowId);
    if (change.op === 'add' && earlier?.op === 'add' && earlier.table === change.table) {
      const sum: Record<string, unknown> = { ...change.row };
      for (const column of countColumns[change.table]) {
        sum[column] =
          Number((earlier.row as Record<string, unknown>)[column]) + Number(sum[column]);
      }
      byRow.set(rowId, { ...change, row: sum } as KpiRollupChange);
    } else {
      byRow.set(rowId, change);
    }
  }
  return [...byRow.values()];
};

export type Affiliation = {
  customerId: string | null;
  companyId: string | null;
  segment: string | null;
  plan: string | null;
};

/** Who a person is to the KPIs now: a known customer of the workspace, and their company. */
export const affiliationOf = (
  state: KpiRollup,
  workspaceId: string,
  personId: string,
): Affiliation => {
  const customer = state.customers.get(personId);
  if (!customer || customer.workspaceId !== workspaceId) {
    return { customerId: null, companyId: null, segment: null, plan: null };
  }
  const company = customer.companyId === null ? undefined : state.companies.get(customer.companyId);
  return {
    customerId: customer.customerId,
    companyId: customer.companyId,
    segment: company?.segment ?? null,
    plan: company?.plan ?? null,
  };
};

/** Spam and rejected posts are not feedback the volume counts. */
export const isCountedFeedback = (row: FeedbackFactsRow): boolean =>
  !row.spam && row.moderation !== 'rejected';

const volumeOf = (row: FeedbackFactsRow, submitted: number): FeedbackDailyRow => ({
  workspaceId: row.workspaceId,
  day: dayOf(row.submittedAt),
  boardId: row.boardId,
  source: row.source,
  segment: row.segment,
  plan: row.plan,
  submitted,
});

/** The row as changed, with the volume moved when it starts or stops counting. */
const feedbackChanged = (before: FeedbackFactsRow, after: FeedbackFactsRow): KpiRollupChange[] => {
  const changes = [put('feedback', after)];
  const counted = isCountedFeedback(before);
  const counts = isCountedFeedback(after);
  if (counted && (!counts || before.boardId !== after.boardId)) {
    changes.push(add('feedbackDaily', volumeOf(before, -1)));
  }
  if (counts && (!counted || before.boardId !== after.boardId)) {
    changes.push(add('feedbackDaily', volumeOf(after, 1)));
  }
  return changes;
};

const activity = (event: KpiEvent, who: Affiliation, boardId: string): KpiRollupChange[] =>
  who.customerId === null
    ? []
    : [
        put('activeDays', {
          workspaceId: event.workspaceId,
          day: dayOf(event.occurredAt),
          customerId: who.customerId,
          companyId: who.companyId,
          boardId,
          segment: who.segment,
          plan: who.plan,
        }),
      ];

const earliest = (current: string | null, at: string): string =>
  current !== null && current <= at ? current : at;

const isoAt = (timestamp: string): string => new Date(timestamp).toISOString();

const sprintWork = (
  event: KpiEvent,
  sprintId: string,
  counts: Partial<Omit<SprintWorkRow, 'workspaceId' | 'sprintId'>>,
): KpiRollupChange =>
  add('sprintWork', {
    workspaceId: event.workspaceId,
    sprintId,
    acceptedItems: 0,
    acceptedPoints: 0,
    carriedOverItems: 0,
    carriedOverPoints: 0,
    ...counts,
  });

/** The writes one event makes, decided from the rows as they are before it. */
const changesOf = (state: KpiRollup, event: KpiEvent): KpiRollupChange[] => {
  const at = isoAt(event.occurredAt);
  const day = dayOf(at);
  const workspaceId = event.workspaceId;
  switch (event.type) {
    case 'FeedbackSubmitted': {
      if (state.feedback.has(event.data.feedbackId)) return [];
      const facts = submittedFacts(event.data);
      const author = affiliationOf(state, workspaceId, event.data.authorId);
      const kind = defaultStatusKind(facts.statusId);
      const row: FeedbackFactsRow = {
        workspaceId,
        feedbackId: event.data.feedbackId,
        boardId: event.data.boardId,
        source: facts.source,
        segment: author.segment,
        plan: author.plan,
        submittedAt: at,
        statusId: facts.statusId,
        statusKind: kind,
        firstResponseAt: null,
        triagedAt: null,
        reachedActive: kind === 'active' || kind === 'done',
        reachedDone: kind === 'done',
        doneAt: kind === 'done' ? at : null,
        notified: false,
        moderation: facts.moderation,
        spam: false,
        mergedInto: null,
      };
      return [
        put('feedback', row),
        ...(isCountedFeedback(row) ? [add('feedbackDaily', volumeOf(row, 1))] : []),
        ...activity(event, author, row.boardId),
      ];
    }
    case 'FeedbackEdited':
    case 'FeedbackStatusChanged':
    case 'FeedbackApproved':
    case 'FeedbackRejected':
    case 'FeedbackMarkedSpam':
    case 'FeedbackSpamCleared':
    case 'FeedbackMerged':
    case 'FeedbackUnmerged': {
      const before = state.feedback.get(event.data.feedbackId);
      return before ? feedbackChanged(before, evolveFacts(before, event, at)) : [];
    }
    case 'VoteCast':
    case 'VoteWithdrawn': {
      const feedback = state.feedback.get(event.data.feedbackId);
      if (!feedback) return [];
      const { feedbackId, voterId } = event.data;
      const voter = affiliationOf(state, workspaceId, voterId);
      const where = { workspaceId, day, boardId: feedback.boardId, segment: voter.segment };
      const ballot = state.ballots.get(
        kpiRowKey.ballots({ workspaceId, feedbackId, voterId, votedAt: at }),
      );
      if (event.type === 'VoteWithdrawn') {
        return [
          add('votesDaily', { ...where, plan: voter.plan, cast: 0, withdrawn: 1 }),
          ...(ballot ? [remove('ballots', ballot)] : []),
        ];
      }
      return [
        add('votesDaily', { ...where, plan: voter.plan, cast: 1, withdrawn: 0 }),
        put('voterDays', { ...where, plan: voter.plan, voterId }),
        put('ballots', { workspaceId, feedbackId, voterId, votedAt: at }),
        ...activity(event, voter, feedback.boardId),
      ];
    }
    case 'CommentPosted': {
      const feedback = state.feedback.get(event.data.feedbackId);
      if (!feedback) return [];
      if (event.data.byStaff) {
        return event.data.visibility === 'public' &&
          earliest(feedback.firstResponseAt, at) !== feedback.firstResponseAt
          ? [put('feedback', { ...feedback, firstResponseAt: at })]
          : [];
      }
      return activity(
        event,
        affiliationOf(state, workspaceId, event.data.authorId),
        feedback.boardId,
      );
    }
    case 'CustomerCreated':
      return [
        put('customers', {
          workspaceId,
          customerId: event.data.customerId,
          companyId: event.data.companyId,
        }),
      ];
    case 'CustomerUpdated': {
      const customer = state.customers.get(event.data.customerId);
      return customer && event.data.companyId !== undefined
        ? [put('customers', { ...customer, companyId: event.data.companyId })]
        : [];
    }
    case 'CompanyCreated':
      return [
        put('companies', {
          workspaceId,
          companyId: event.data.companyId,
          segment: event.data.segment,
          plan: event.data.plan,
          mrrCents: event.data.mrrCents,
        }),
      ];
    case 'CompanyUpdated': {
      const company = state.companies.get(event.data.companyId);
      const { segment, plan, mrrCents } = event.data;
      return company
        ? [put('companies', { ...company, ...definedFields({ segment, plan, mrrCents }) })]
        : [];
    }
    case 'BacklogItemCreated':
      return [
        put('backlogItems', {
          workspaceId,
          itemId: event.data.itemId,
          kind: event.data.kind,
          parentId: event.data.parentId,
          createdAt: at,
          stage: 'backlog',
          estimate: event.data.estimate,
          criteriaCount: event.data.acceptanceCriteria.length,
          initiativeId: null,
        }),
      ];
    case 'BacklogItemEdited':
    case 'AcceptanceCriteriaChanged':
    case 'BacklogItemInitiativeSet':
    case 'BacklogItemPlanned':
    case 'BacklogItemReleased': {
      const item = state.backlogItems.get(event.data.itemId);
      return item ? [put('backlogItems', evolveItem(item, event))] : [];
    }
    case 'BacklogItemUnplanned': {
      const item = state.backlogItems.get(event.data.itemId);
      if (!item) return [];
      const unplanned = put('backlogItems', { ...item, stage: 'backlog' });
      return event.data.reason === 'carried_over'
        ? [
            unplanned,
            sprintWork(event, event.data.sprintId, {
              carriedOverItems: 1,
              carriedOverPoints: item.estimate ?? 0,
            }),
          ]
        : [unplanned];
    }
    case 'BacklogItemAccepted': {
      const item = state.backlogItems.get(event.data.itemId);
      if (!item) return [];
      const { points } = event.data;
      return [
        put('backlogItems', { ...item, stage: 'accepted' }),
        sprintWork(event, event.data.sprintId, { acceptedItems: 1, acceptedPoints: points }),
        add('acceptedDaily', { workspaceId, day, items: 1, points }),
      ];
    }
    case 'FeedbackLinkedToBacklogItem':
      return [
        put('links', {
          workspaceId,
          feedbackId: event.data.feedbackId,
          itemId: event.data.itemId,
        }),
      ];
    case 'FeedbackUnlinkedFromBacklogItem': {
      const link = state.links.get(kpiRowKey.links({ workspaceId, ...event.data }));
      return link ? [remove('links', link)] : [];
    }
    case 'SprintCreated':
      return [
        put('sprints', {
          workspaceId,
          sprintId: event.data.sprintId,
          name: event.data.name,
          startDate: event.data.startDate,
          endDate: event.data.endDate,
          state: 'planned',
        }),
      ];
    case 'SprintEdited':
    case 'SprintStarted':
    case 'SprintCompleted': {
      const sprint = state.sprints.get(event.data.sprintId);
      if (!sprint) return [];
      if (event.type === 'SprintEdited') {
        const { name, startDate, endDate } = event.data;
        return [put('sprints', { ...sprint, ...definedFields({ name, startDate, endDate }) })];
      }
      return [
        put('sprints', {
          ...sprint,
          state: event.type === 'SprintStarted' ? 'active' : 'completed',
        }),
      ];
    }
    case 'InitiativeCreated':
      return [
        put('initiatives', {
          workspaceId,
          initiativeId: event.data.initiativeId,
          title: event.data.title,
          lane: event.data.lane,
          quarter: event.data.quarter,
          archived: false,
        }),
      ];
    case 'InitiativeEdited': {
      const initiative = state.initiatives.get(event.data.initiativeId);
      const { title, quarter } = event.data;
      return initiative
        ? [put('initiatives', { ...initiative, ...definedFields({ title, quarter }) })]
        : [];
    }
    case 'InitiativeMoved': {
      const initiative = state.initiatives.get(event.data.initiativeId);
      return initiative ? [put('initiatives', { ...initiative, lane: event.data.to })] : [];
    }
    case 'InitiativeArchived': {
      const initiative = state.initiatives.get(event.data.initiativeId);
      return initiative ? [put('initiatives', { ...initiative, archived: true })] : [];
    }
    case 'PersonNotified':
      return [...new Set(shippedFeedbackIds(event.data))].flatMap((feedbackId) => {
        const feedback = state.feedback.get(feedbackId);
        return feedback && !feedback.notified
          ? [put('feedback', { ...feedback, notified: true })]
          : [];
      });
  }
};

type FeedbackFactsEvent = Extract<
  KpiEvent,
  {
    type:
      | 'FeedbackEdited'
      | 'FeedbackStatusChanged'
      | 'FeedbackApproved'
      | 'FeedbackRejected'
      | 'FeedbackMarkedSpam'
      | 'FeedbackSpamCleared'
      | 'FeedbackMerged'
      | 'FeedbackUnmerged';
  }
>;

const evolveFacts = (
  row: FeedbackFactsRow,
  event: FeedbackFactsEvent,
  at: string,
): FeedbackFactsRow => {
  switch (event.type) {
    case 'FeedbackEdited':
      return { ...row, boardId: event.data.boardId ?? row.boardId };
    case 'FeedbackStatusChanged': {
      const kind = event.data.toKind ?? defaultStatusKind(event.data.to);
      const done = kind === 'done';
      return {
        ...row,
        statusId: event.data.to,
        statusKind: kind,
        firstResponseAt: earliest(row.firstResponseAt, at),
        triagedAt: earliest(row.triagedAt, at),
        reachedActive: row.reachedActive || kind === 'active' || done,
        reachedDone: row.reachedDone || done,
        // Moving between two done statuses keeps the moment it was first done.
        doneAt: done ? (row.statusKind === 'done' ? row.doneAt : at) : null,
      };
    }
    case 'FeedbackApproved':
      return { ...row, moderation: 'approved' };
    case 'FeedbackRejected':
      return { ...row, moderation: 'rejected' };
    case 'FeedbackMarkedSpam':
      return { ...row, spam: true };
    case 'FeedbackSpamCleared':
      return { ...row, spam: false };
    case 'FeedbackMerged':
      return { ...row, mergedInto: event.data.intoId };
    case 'FeedbackUnmerged':
      return { ...row, mergedInto: null };
  }
};

type BacklogItemRowEvent = Extract<
  KpiEvent,
  {
    type:
      | 'BacklogItemEdited'
      | 'AcceptanceCriteriaChanged'
      | 'BacklogItemInitiativeSet'
      | 'BacklogItemPlanned'
      | 'BacklogItemReleased';
  }
>;

const evolveItem = (row: BacklogItemRow, event: BacklogItemRowEvent): BacklogItemRow => {
  switch (event.type) {
    case 'BacklogItemEdited': {
      const { estimate, parentId } = event.data;
      return { ...row, ...definedFields({ estimate, parentId }) };
    }
    case 'AcceptanceCriteriaChanged':
      return { ...row, criteriaCount: event.data.criteria.length };
    case 'BacklogItemInitiativeSet':
      return { ...row, initiativeId: event.data.initiativeId };
    case 'BacklogItemPlanned':
      return { ...row, stage: 'sprint' };
    case 'BacklogItemReleased':
      return { ...row, stage: 'released' };
  }
};

/**
 * The writes a batch of events makes, one per row: what a projection applies in one transaction.
 * Each event is decided against the rows as the earlier events of the batch left them.
 */
export const kpiRollupChanges = (
  state: KpiRollup,
  events: readonly KpiEvent[],
): KpiRollupChange[] => {
  let working = state;
  const changes: KpiRollupChange[] = [];
  for (const event of events) {
    const own = changesOf(working, event);
    working = applyKpiRollupChanges(working, own);
    changes.push(...own);
  }
  return compact(changes);
};

export const evolveKpiRollup = (state: KpiRollup, event: KpiEvent): KpiRollup =>
  applyKpiRollupChanges(state, changesOf(state, event));

/** A batch written at once, as a projection does: the same rollup as folding its events one by one. */
export const applyKpiBatch = (state: KpiRollup, events: readonly KpiEvent[]): KpiRollup =>
  applyKpiRollupChanges(state, kpiRollupChanges(state, events));

const uniqueKeys = (keys: readonly (string | null | undefined)[]): string[] => [
  ...new Set(keys.filter((k): k is string => typeof k === 'string')),
];

/**
 * The rows of the row tables a batch's decisions read, by table, except companies: those follow
 * from the customers (`kpiCompaniesRead`). A SQL projection loads them before deciding.
 */
export const kpiRowsRead = (
  events: readonly KpiEvent[],
): Omit<Record<keyof RowTables, string[]>, 'companies'> => {
  const feedback: string[] = [];
  const ballots: string[] = [];
  const customers: string[] = [];
  const links: string[] = [];
  const backlogItems: string[] = [];
  const sprints: string[] = [];
  const initiatives: string[] = [];
  for (const event of events) {
    const { workspaceId } = event;
    switch (event.type) {
      case 'FeedbackSubmitted':
        feedback.push(event.data.feedbackId);
        customers.push(event.data.authorId);
        break;
      case 'FeedbackEdited':
      case 'FeedbackStatusChanged':
      case 'FeedbackApproved':
      case 'FeedbackRejected':
      case 'FeedbackMarkedSpam':
      case 'FeedbackSpamCleared':
      case 'FeedbackMerged':
      case 'FeedbackUnmerged':
        feedback.push(event.data.feedbackId);
        break;
      case 'VoteCast':
      case 'VoteWithdrawn':
        feedback.push(event.data.feedbackId);
        customers.push(event.data.voterId);
        ballots.push(kpiRowKey.ballots({ workspaceId, votedAt: '', ...event.data }));
        break;
      case 'CommentPosted':
        feedback.push(event.data.feedbackId);
        customers.push(event.data.authorId);
        break;
      case 'CustomerCreated':
      case 'CustomerUpdated':
        customers.push(event.data.customerId);
        break;
      case 'CompanyCreated':
      case 'CompanyUpdated':
        break;
      case 'BacklogItemCreated':
      case 'BacklogItemEdited':
      case 'AcceptanceCriteriaChanged':
      case 'BacklogItemInitiativeSet':
      case 'BacklogItemPlanned':
      case 'BacklogItemUnplanned':
      case 'BacklogItemAccepted':
      case 'BacklogItemReleased':
        backlogItems.push(event.data.itemId);
        break;
      case 'FeedbackLinkedToBacklogItem':
      case 'FeedbackUnlinkedFromBacklogItem':
        links.push(kpiRowKey.links({ workspaceId, ...event.data }));
        break;
      case 'SprintCreated':
      case 'SprintEdited':
      case 'SprintStarted':
      case 'SprintCompleted':
        sprints.push(event.data.sprintId);
        break;
      case 'InitiativeCreated':
      case 'InitiativeEdited':
      case 'InitiativeMoved':
      case 'InitiativeArchived':
        initiatives.push(event.data.initiativeId);
        break;
      case 'PersonNotified':
        feedback.push(...shippedFeedbackIds(event.data));
        break;
    }
  }
  return {
    feedback: uniqueKeys(feedback),
    ballots: uniqueKeys(ballots),
    customers: uniqueKeys(customers),
    links: uniqueKeys(links),
    backlogItems: uniqueKeys(backlogItems),
    sprints: uniqueKeys(sprints),
    initiatives: uniqueKeys(initiatives),
    voterDays: [],
    activeDays: [],
  };
};

/** The companies a batch's decisions read: of the customers loaded, and those its events name. */
export const kpiCompaniesRead = (
  customers: Iterable<CustomerRow>,
  events: readonly KpiEvent[],
): string[] =>
  uniqueKeys([
    ...[...customers].map((c) => c.companyId),
    ...events.map((event) =>
      event.type === 'CustomerCreated' ||
      event.type === 'CustomerUpdated' ||
      event.type === 'CompanyCreated' ||
      event.type === 'CompanyUpdated'
        ? event.data.companyId
        : undefined,
    ),
  ]);

/** One row of a table as an event left it: null when the event deleted it or zeroed its counts. */
export type KpiRowWrite = {
  [T in KpiTableName]: { eventIndex: number; table: T; key: string; row: KpiTables[T] | null };
}[KpiTableName];

/**
 * Every row each event of a batch writes, as it leaves it, in order: what a projection that keeps
 * each row's history (for `asOf` queries) stores as versions. `state` must hold every row the
 * batch reads (`kpiRowsRead`, `kpiCompaniesRead`) and, for exact counters, every row it writes.
 */
export const kpiRowWrites = (state: KpiRollup, events: readonly KpiEvent[]): KpiRowWrite[] => {
  const working = Object.fromEntries(
    Object.entries(state).map(([table, rows]: [string, ReadonlyMap<string, unknown>]) => [
      table,
      new Map(rows),
    ]),
  ) as unknown as { [T in KpiTableName]: Map<string, KpiTables[T]> };
  const writes: KpiRowWrite[] = [];
  events.forEach((event, eventIndex) => {
    for (const change of changesOf(working, event)) {
      const rows = working[change.table] as Map<string, unknown>;
      const row =
        change.op === 'put'
          ? change.row
          : change.op === 'delete'
            ? undefined
            : addCounts(change.table, rows.get(change.key) as typeof change.row, change.row);
      if (row === undefined) rows.delete(change.key);
      else rows.set(change.key, row);
      writes.push({
        eventIndex,
        table: change.table,
        key: change.key,
        row: row ?? null,
      } as KpiRowWrite);
    }
  });
  return writes;
};
