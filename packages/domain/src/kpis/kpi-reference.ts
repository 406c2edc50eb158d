import type { FeedbackSourceName, StatusKind } from '../feedback/feedback-workflow';
import { shippedFeedbackIds } from '../notifications/notification.events';
import { initiativeProgress } from '../roadmap/initiative';
import type { SprintState } from '../sprints/sprint';
import type { KpiEvent } from './kpi-events';
import type {
  ActiveCustomers,
  AgeBucket,
  AgeBucketCount,
  BacklogHealth,
  ClosedLoop,
  Counted,
  DurationStats,
  FeedbackAgeing,
  FeedbackVolume,
  Granularity,
  InitiativeDelivery,
  KpiQuery,
  LinkedShares,
  QuarterRevenue,
  ResponseTimes,
  Share,
  SprintVelocity,
  StatusFunnel,
  TopRequest,
  UniqueVoters,
  VotesOverTime,
} from './kpi-queries';

/*
 * Every KPI computed the slow, obvious way: replay the whole log into plain objects that remember
 * what happened to each thing, then answer from those. It shares nothing with the rollup and its
 * queries but the result types — not even calendar arithmetic — so the property test compares two
 * independent readings of docs/kpis.md. Only the roadmap's rounding of a percent is borrowed, as
 * the roadmap defines it.
 */

const DAY = 86_400_000;
const utcDay = (timestamp: string): string => new Date(timestamp).toISOString().slice(0, 10);
const midnight = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const ageInDays = (day: string, asOf: string): number =>
  Math.round((midnight(asOf) - midnight(day)) / DAY);
const mondayOf = (day: string): string => {
  const date = new Date(midnight(day));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(midnight(day) - sinceMonday * DAY).toISOString().slice(0, 10);
};
const periodOfDay = (day: string, granularity: Granularity): string =>
  granularity === 'day' ? day : mondayOf(day);
const everyDay = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = midnight(from); t <= midnight(to); t += DAY) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
};
const everyPeriod = (query: KpiQuery, granularity: Granularity): string[] => {
  const periods: string[] = [];
  for (const day of everyDay(query.from, query.to)) {
    const period = periodOfDay(day, granularity);
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  return periods;
};
const quarterOfDay = (day: string): string => {
  const month = new Date(midnight(day)).getUTCMonth();
  return `${new Date(midnight(day)).getUTCFullYear()}-Q${month < 3 ? 1 : month < 6 ? 2 : month < 9 ? 3 : 4}`;
};
const within = (day: string, query: KpiQuery) => query.from <= day && day <= query.to;

const nearestRank = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let rank = 1;
  while ((rank * 100) / sorted.length < p) rank += 1;
  return sorted[rank - 1] ?? null;
};
const stats = (values: number[]): DurationStats => ({
  count: values.length,
  medianMs: nearestRank(values, 50),
  p90Ms: nearestRank(values, 90),
});
const ratio = (numerator: number, denominator: number): Share => ({
  numerator,
  denominator,
  ratio: denominator > 0 ? numerator / denominator : null,
});
const bucketOfAge = (days: number): AgeBucket => {
  if (days > 90) return '91+';
  if (days > 30) return '31-90';
  if (days > 7) return '8-30';
  return '0-7';
};
const bucketsOf = (ages: number[]): AgeBucketCount[] =>
  (['0-7', '8-30', '31-90', '91+'] as const).map((bucket) => ({
    bucket,
    count: ages.filter((age) => bucketOfAge(age) === bucket).length,
  }));
const compareKeys = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
};
const tally = <K extends string | null>(keys: { key: K; n: number }[]): Counted<K>[] => {
  const totals: Counted<K>[] = [];
  for (const { key, n } of keys) {
    const found = totals.find((t) => t.key === key);
    if (found) found.count += n;
    else totals.push({ key, count: n });
  }
  return totals
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
};

type Company = { segment: string | null; plan: string | null; mrrCents: number };
type Person = { customerId: string; companyId: string | null } | null;
type StatusChange = { at: string; kind: StatusKind };
type Feedback = {
  workspaceId: string;
  feedbackId: string;
  boardId: string;
  source: FeedbackSourceName;
  segment: string | null;
  plan: string | null;
  submittedAt: string;
  initialKind: StatusKind;
  statusId: string;
  statusKind: StatusKind;
  changes: StatusChange[];
  staffReplies: string[];
  moderation: string;
  spam: boolean;
  mergedInto: string | null;
  notified: boolean;
};
type Vote = {
  workspaceId: string;
  day: string;
  voterId: string;
  cast: boolean;
  boardId: string;
  segment: string | null;
  plan: string | null;
};
type Activity = {
  workspaceId: string;
  day: string;
  customerId: string;
  companyId: string | null;
  boardId: string;
  segment: string | null;
  plan: string | null;
};
type Item = {
  workspaceId: string;
  itemId: string;
  kind: string;
  parentId: string | null;
  createdAt: string;
  estimate: number | null;
  criteria: number;
  initiativeId: string | null;
  inSprint: boolean;
  accepted: boolean;
  released: boolean;
};
type Sprint = {
  workspaceId: string;
  sprintId: string;
  name: string;
  startDate: string;
  endDate: string;
  state: SprintState;
};
type Initiative = {
  workspaceId: string;
  initiativeId: string;
  title: string;
  lane: 'now' | 'next' | 'later';
  quarter: string | null;
  archived: boolean;
};
type World = {
  customers: Map<string, { workspaceId: string; companyId: string | null }>;
  companies: Map<string, Company>;
  feedback: Map<string, Feedback>;
  ballots: { workspaceId: string; feedbackId: string; voterId: string; votedAt: string }[];
  votes: Vote[];
  activity: Activity[];
  links: { workspaceId: string; feedbackId: string; itemId: string }[];
  items: Map<string, Item>;
  accepted: { workspaceId: string; sprintId: string; day: string; points: number }[];
  carriedOver: { sprintId: string; points: number }[];
  sprints: Map<string, Sprint>;
  initiatives: Map<string, Initiative>;
};

const defaultKinds: Record<string, StatusKind> = {
  planned: 'active',
  in_progress: 'active',
  done: 'done',
  declined: 'closed',
};
const kindOfDefault = (statusId: string): StatusKind => defaultKinds[statusId] ?? 'open';

/** Everything that happened, replayed from the first event. */
const replay = (events: readonly KpiEvent[]): World => {
  const world: World = {
    customers: new Map(),
    companies: new Map(),
    feedback: new Map(),
    ballots: [],
    votes: [],
    activity: [],
    links: [],
    items: new Map(),
    accepted: [],
    carriedOver: [],
    sprints: new Map(),
    initiatives: new Map(),
  };
  const personAt = (workspaceId: string, personId: string): Person => {
    const customer = world.customers.get(personId);
    return customer?.workspaceId === workspaceId
      ? { customerId: personId, companyId: customer.companyId }
      : null;
  };
  const companyOf = (person: Person): Company | undefined =>
    person?.companyId ? world.companies.get(person.companyId) : undefined;
  const act = (event: KpiEvent, person: Person, boardId: string) => {
    if (!person) return;
    const company = companyOf(person);
    world.activity.push({
      workspaceId: event.workspaceId,
      day: utcDay(event.occurredAt),
      customerId: person.customerId,
      companyId: person.companyId,
      boardId,
      segment: company?.segment ?? null,
      plan: company?.plan ?? null,
    });
  };

  for (const event of events) {
    const at = new Date(event.occurredAt).toISOString();
    switch (event.type) {
      case 'FeedbackSubmitted': {
        if (world.feedback.has(event.data.feedbackId)) break;
        const author = personAt(event.workspaceId, event.data.authorId);
        const company = companyOf(author);
        const statusId = event.data.statusId ?? 'open';
        world.feedback.set(event.data.feedbackId, {
          workspaceId: event.workspaceId,
          feedbackId: event.data.feedbackId,
          boardId: event.data.boardId,
          source: event.data.source ?? 'app',
          segment: company?.segment ?? null,
          plan: company?.plan ?? null,
          submittedAt: at,
          initialKind: kindOfDefault(statusId),
          statusId,
          statusKind: kindOfDefault(statusId),
          changes: [],
          staffReplies: [],
          moderation: event.data.moderation ?? 'approved',
          spam: false,
          mergedInto: null,
          notified: false,
        });
        act(event, author, event.data.boardId);
        break;
      }
      case 'FeedbackEdited': {
        const f = world.feedback.get(event.data.feedbackId);
        if (f && event.data.boardId) f.boardId = event.data.boardId;
        break;
      }
      case 'FeedbackStatusChanged': {
        const f = world.feedback.get(event.data.feedbackId);
        if (!f) break;
        f.statusId = event.data.to;
        f.statusKind = event.data.toKind ?? kindOfDefault(event.data.to);
        f.changes.push({ at, kind: f.statusKind });
        break;
      }
      case 'FeedbackApproved':
      case 'FeedbackRejected': {
        const f = world.feedback.get(event.data.feedbackId);
        if (f) f.moderation = event.type === 'FeedbackApproved' ? 'approved' : 'rejected';
        break;
      }
      case 'FeedbackMarkedSpam':
      case 'FeedbackSpamCleared': {
        const f = world.feedback.get(event.data.feedbackId);
        if (f) f.spam = event.type === 'FeedbackMarkedSpam';
        break;
      }
      case 'FeedbackMerged':
      case 'FeedbackUnmerged': {
        const f = world.feedback.get(event.data.feedbackId);
        if (f) f.mergedInto = event.type === 'FeedbackMerged' ? event.data.intoId : null;
        break;
      }
      case 'VoteCast':
      case 'VoteWithdrawn': {
        const f = world.feedback.get(event.data.feedbackId);
        if (!f) break;
        const { feedbackId, voterId } = event.data;
        const voter = personAt(event.workspaceId, voterId);
        const company = companyOf(voter);
        const cast = event.type === 'VoteCast';
        world.votes.push({
          workspaceId: event.workspaceId,
          day: utcDay(at),
          voterId,
          cast,
          boardId: f.boardId,
          segment: company?.segment ?? null,
          plan: company?.plan ?? null,
        });
        world.ballots = world.ballots.filter(
          (b) => !(b.feedbackId === feedbackId && b.voterId === voterId),
        );
        if (cast) {
          world.ballots.push({ workspaceId: event.workspaceId, feedbackId, voterId, votedAt: at });
          act(event, voter, f.boardId);
        }
        break;
      }
      case 'CommentPosted': {
        const f = world.feedback.get(event.data.feedbackId);
        if (!f) break;
        if (!event.data.byStaff)
          act(event, personAt(event.workspaceId, event.data.authorId), f.boardId);
        else if (event.data.visibility === 'public') f.staffReplies.push(at);
        break;
      }
      case 'CustomerCreated':
        world.customers.set(event.data.customerId, {
          workspaceId: event.workspaceId,
          companyId: event.data.companyId,
        });
        break;
      case 'CustomerUpdated': {
        const customer = world.customers.get(event.data.customerId);
        if (customer && event.data.companyId !== undefined)
          customer.companyId = event.data.companyId;
        break;
      }
      case 'CompanyCreated':
        world.companies.set(event.data.companyId, {
          segment: event.data.segment,
          plan: event.data.plan,
          mrrCents: event.data.mrrCents,
        });
        break;
      case 'CompanyUpdated': {
        const company = world.companies.get(event.data.companyId);
        if (!company) break;
        if (event.data.segment !== undefined) company.segment = event.data.segment;
        if (event.data.plan !== undefined) company.plan = event.data.plan;
        if (event.data.mrrCents !== undefined) company.mrrCents = event.data.mrrCents;
        break;
      }
      case 'BacklogItemCreated':
        world.items.set(event.data.itemId, {
          workspaceId: event.workspaceId,
          itemId: event.data.itemId,
          kind: event.data.kind,
          parentId: event.data.parentId,
          createdAt: at,
          estimate: event.data.estimate,
          criteria: event.data.acceptanceCriteria.length,
          initiativeId: null,
          inSprint: false,
          accepted: false,
          released: false,
        });
        break;
      case 'BacklogItemEdited': {
        const item = world.items.get(event.data.itemId);
        if (!item) break;
        if (event.data.estimate !== undefined) item.estimate = event.data.estimate;
        if (event.data.parentId !== undefined) item.parentId = event.data.parentId;
        break;
      }
      case 'AcceptanceCriteriaChanged': {
        const item = world.items.get(event.data.itemId);
        if (item) item.criteria = event.data.criteria.length;
        break;
      }
      case 'BacklogItemInitiativeSet': {
        const item = world.items.get(event.data.itemId);
        if (item) item.initiativeId = event.data.initiativeId;
        break;
      }
      case 'BacklogItemPlanned':
      case 'BacklogItemUnplanned': {
        const item = world.items.get(event.data.itemId);
        if (!item) break;
        item.inSprint = event.type === 'BacklogItemPlanned';
        if (event.type === 'BacklogItemUnplanned' && event.data.reason === 'carried_over') {
          world.carriedOver.push({ sprintId: event.data.sprintId, points: item.estimate ?? 0 });
        }
        break;
      }
      case 'BacklogItemAccepted': {
        const item = world.items.get(event.data.itemId);
        if (!item) break;
        item.accepted = true;
        world.accepted.push({
          workspaceId: event.workspaceId,
          sprintId: event.data.sprintId,
          day: utcDay(at),
          points: event.data.points,
        });
        break;
      }
      case 'BacklogItemReleased': {
        const item = world.items.get(event.data.itemId);
        if (item) item.released = true;
        break;
      }
      case 'FeedbackLinkedToBacklogItem':
        world.links.push({ workspaceId: event.workspaceId, ...event.data });
        break;
      case 'FeedbackUnlinkedFromBacklogItem':
        world.links = world.links.filter(
          (l) => !(l.feedbackId === event.data.feedbackId && l.itemId === event.data.itemId),
        );
        break;
      case 'SprintCreated':
        world.sprints.set(event.data.sprintId, {
          workspaceId: event.workspaceId,
          sprintId: event.data.sprintId,
          name: event.data.name,
          startDate: event.data.startDate,
          endDate: event.data.endDate,
          state: 'planned',
        });
        break;
      case 'SprintEdited': {
        const sprint = world.sprints.get(event.data.sprintId);
        if (!sprint) break;
        sprint.name = event.data.name ?? sprint.name;
        sprint.startDate = event.data.startDate ?? sprint.startDate;
        sprint.endDate = event.data.endDate ?? sprint.endDate;
        break;
      }
      case 'SprintStarted':
      case 'SprintCompleted': {
        const sprint = world.sprints.get(event.data.sprintId);
        if (sprint) sprint.state = event.type === 'SprintStarted' ? 'active' : 'completed';
        break;
      }
      case 'InitiativeCreated':
        world.initiatives.set(event.data.initiativeId, {
          workspaceId: event.workspaceId,
          initiativeId: event.data.initiativeId,
          title: event.data.title,
          lane: event.data.lane,
          quarter: event.data.quarter,
          archived: false,
        });
        break;
      case 'InitiativeEdited': {
        const initiative = world.initiatives.get(event.data.initiativeId);
        if (!initiative) break;
        initiative.title = event.data.title ?? initiative.title;
        if (event.data.quarter !== undefined) initiative.quarter = event.data.quarter;
        break;
      }
      case 'InitiativeMoved': {
        const initiative = world.initiatives.get(event.data.initiativeId);
        if (initiative) initiative.lane = event.data.to;
        break;
      }
      case 'InitiativeArchived': {
        const initiative = world.initiatives.get(event.data.initiativeId);
        if (initiative) initiative.archived = true;
        break;
      }
      case 'PersonNotified':
        for (const id of shippedFeedbackIds(event.data)) {
          const f = world.feedback.get(id);
          if (f) f.notified = true;
        }
        break;
    }
  }
  return world;
};

const passes = (
  row: { workspaceId: string; boardId: string; segment: string | null; plan: string | null },
  query: KpiQuery,
): boolean =>
  row.workspaceId === query.workspaceId &&
  [
    [query.boardId, row.boardId],
    [query.segment, row.segment],
    [query.plan, row.plan],
  ].every(([wanted, actual]) => wanted === undefined || wanted === actual);

const isLive = (f: Feedback) => !f.spam && f.moderation !== 'rejected' && f.mergedInto === null;
const submittedIn = (world: World, query: KpiQuery): Feedback[] =>
  [...world.feedback.values()].filter(
    (f) => isLive(f) && passes(f, query) && within(utcDay(f.submittedAt), query),
  );
const elapsed = (from: string, to: string) => Date.parse(to) - Date.parse(from);

export const referenceFeedbackVolume = (
  events: readonly KpiEvent[],
  query: KpiQuery,
  granularity: Granularity,
): FeedbackVolume => {
  const submitted = [...replay(events).feedback.values()].filter(
    (f) =>
      !f.spam &&
      f.moderation !== 'rejected' &&
      passes(f, query) &&
      within(utcDay(f.submittedAt), query),
  );
  return {
    total: submitted.length,
    series: everyPeriod(query, granularity).map((period) => ({
      period,
      count: submitted.filter((f) => periodOfDay(utcDay(f.submittedAt), granularity) === period)
        .length,
    })),
    byBoard: tally(submitted.map((f) => ({ key: f.boardId, n: 1 }))),
    bySource: tally(submitted.map((f) => ({ key: f.source, n: 1 }))),
    bySegment: tally(submitted.map((f) => ({ key: f.segment, n: 1 }))),
  };
};

export const referenceVotesOverTime = (
  events: readonly KpiEvent[],
  query: KpiQuery,
  granularity: Granularity,
): VotesOverTime => {
  const votes = replay(events).votes.filter((v) => passes(v, query) && within(v.day, query));
  const count = (list: Vote[], cast: boolean) => list.filter((v) => v.cast === cast).length;
  return {
    cast: count(votes, true),
    withdrawn: count(votes, false),
    net: count(votes, true) - count(votes, false),
    series: everyPeriod(query, granularity).map((period) => {
      const inPeriod = votes.filter((v) => periodOfDay(v.day, granularity) === period);
      return {
        period,
        cast: count(inPeriod, true),
        withdrawn: count(inPeriod, false),
        net: count(inPeriod, true) - count(inPeriod, false),
      };
    }),
  };
};

export const referenceUniqueVoters = (
  events: readonly KpiEvent[],
  query: KpiQuery,
  granularity: Granularity,
): UniqueVoters => {
  const casts = replay(events).votes.filter(
    (v) => v.cast && passes(v, query) && within(v.day, query),
  );
  const people = (list: Vote[]) => new Set(list.map((v) => v.voterId)).size;
  return {
    total: people(casts),
    series: everyPeriod(query, granularity).map((period) => ({
      period,
      count: people(casts.filter((v) => periodOfDay(v.day, granularity) === period)),
    })),
  };
};

export const referenceActiveCustomers = (
  events: readonly KpiEvent[],
  query: KpiQuery,
  granularity: Granularity,
): ActiveCustomers => {
  const active = replay(events).activity.filter((a) => passes(a, query) && within(a.day, query));
  const customers = (list: Activity[]) => new Set(list.map((a) => a.customerId)).size;
  const companies = (list: Activity[]) =>
    new Set(list.flatMap((a) => (a.companyId === null ? [] : [a.companyId]))).size;
  return {
    customers: customers(active),
    companies: companies(active),
    series: everyPeriod(query, granularity).map((period) => {
      const inPeriod = active.filter((a) => periodOfDay(a.day, granularity) === period);
      return { period, customers: customers(inPeriod), companies: companies(inPeriod) };
    }),
  };
};

/** Each live request with the voters and companies behind it, its duplicates' included. */
const requests = (
  world: World,
  query: KpiQuery,
  votedIn: (votedAt: string) => boolean,
): { request: Feedback; voters: Set<string>; companies: Set<string> }[] =>
  [...world.feedback.values()]
    .filter(
      (f) =>
        isLive(f) &&
        f.workspaceId === query.workspaceId &&
        (query.boardId === undefined || f.boardId === query.boardId),
    )
    .map((request) => {
      const group = [...world.feedback.values()]
        .filter((f) => f.feedbackId === request.feedbackId || f.mergedInto === request.feedbackId)
        .map((f) => f.feedbackId);
      const voters = new Set<string>();
      const companies = new Set<string>();
      for (const ballot of world.ballots) {
        if (!group.includes(ballot.feedbackId) || !votedIn(ballot.votedAt)) continue;
        const customer = world.customers.get(ballot.voterId);
        const companyId = customer?.workspaceId === query.workspaceId ? customer.companyId : null;
        const company = companyId ? world.companies.get(companyId) : undefined;
        if (query.segment !== undefined && (company?.segment ?? null) !== query.segment) continue;
        if (query.plan !== undefined && (company?.plan ?? null) !== query.plan) continue;
        voters.add(ballot.voterId);
        if (companyId) companies.add(companyId);
      }
      return { request, voters, companies };
    });

const mrrOf = (world: World, companies: Set<string>): number => {
  let cents = 0;
  for (const id of companies) cents += world.companies.get(id)?.mrrCents ?? 0;
  return cents;
};

export const referenceTopRequests = (
  events: readonly KpiEvent[],
  query: KpiQuery,
  by: 'votes' | 'revenue',
  limit: number,
): TopRequest[] => {
  const world = replay(events);
  const ranked = requests(world, query, (votedAt) => within(utcDay(votedAt), query))
    .filter((r) => r.voters.size > 0)
    .map(({ request, voters, companies }) => ({
      feedbackId: request.feedbackId,
      boardId: request.boardId,
      statusId: request.statusId,
      statusKind: request.statusKind,
      votes: voters.size,
      revenueCents: mrrOf(world, companies),
    }));
  const measure = (r: TopRequest) =>
    by === 'votes' ? [r.votes, r.revenueCents] : [r.revenueCents, r.votes];
  ranked.sort((a, b) => {
    const [a1 = 0, a2 = 0] = measure(a);
    const [b1 = 0, b2 = 0] = measure(b);
    return b1 - a1 || b2 - a2 || compareKeys(a.feedbackId, b.feedbackId);
  });
  return ranked.slice(0, limit);
};

export const referenceResponseTimes = (
  events: readonly KpiEvent[],
  query: KpiQuery,
): ResponseTimes => {
  const cohort = submittedIn(replay(events), query);
  const first = (times: string[]): string | null =>
    times.length === 0 ? null : times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
  const responses = cohort
    .map((f) => ({ f, at: first([...f.changes.map((c) => c.at), ...f.staffReplies]) }))
    .filter((r) => r.at !== null)
    .map((r) => elapsed(r.f.submittedAt, r.at ?? r.f.submittedAt));
  const triages = cohort
    .map((f) => ({ f, at: first(f.changes.map((c) => c.at)) }))
    .filter((r) => r.at !== null)
    .map((r) => elapsed(r.f.submittedAt, r.at ?? r.f.submittedAt));
  return {
    submitted: cohort.length,
    firstResponse: stats(responses),
    unanswered: cohort.length - responses.length,
    triage: stats(triages),
    untriaged: cohort.length - triages.length,
  };
};

export const referenceStatusFunnel = (
  events: readonly KpiEvent[],
  query: KpiQuery,
): StatusFunnel => {
  const cohort = submittedIn(replay(events), query);
  const kindsOf = (f: Feedback) => [f.initialKind, ...f.changes.map((c) => c.kind)];
  const byStatus: StatusFunnel['byStatus'] = [];
  for (const f of cohort) {
    const found = byStatus.find((s) => s.statusId === f.statusId && s.statusKind === f.statusKind);
    if (found) found.count += 1;
    else byStatus.push({ statusId: f.statusId, statusKind: f.statusKind, count: 1 });
  }
  byStatus.sort(
    (a, b) =>
      b.count - a.count ||
      compareKeys(a.statusId, b.statusId) ||
      compareKeys(a.statusKind, b.statusKind),
  );
  return {
    stages: [
      { stage: 'submitted', count: cohort.length },
      { stage: 'triaged', count: cohort.filter((f) => f.changes.length > 0).length },
      {
        stage: 'planned',
        count: cohort.filter((f) => kindsOf(f).some((k) => k === 'active' || k === 'done')).length,
      },
      { stage: 'done', count: cohort.filter((f) => kindsOf(f).includes('done')).length },
    ],
    byStatus,
  };
};

export const referenceFeedbackAgeing = (
  events: readonly KpiEvent[],
  query: KpiQuery,
): FeedbackAgeing => {
  const ages = [...replay(events).feedback.values()]
    .filter(
      (f) =>
        isLive(f) &&
        passes(f, query) &&
        ['open', 'active'].includes(f.statusKind) &&
        utcDay(f.submittedAt) <= query.to,
    )
    .map((f) => ageInDays(utcDay(f.submittedAt), query.to));
  return { total: ages.length, buckets: bucketsOf(ages) };
};

/** The live initiatives set on the item or on any of its two generations of parents. */
const roadmapInitiativesOf = (world: World, itemId: string): Initiative[] => {
  const found: Initiative[] = [];
  let item = world.items.get(itemId);
  for (let generation = 0; generation < 3 && item; generation += 1) {
    const initiative = item.initiativeId ? world.initiatives.get(item.initiativeId) : undefined;
    if (initiative && !initiative.archived && !found.includes(initiative)) found.push(initiative);
    item = item.parentId ? world.items.get(item.parentId) : undefined;
  }
  return found;
};

export const referenceLinkedShares = (
  events: readonly KpiEvent[],
  query: KpiQuery,
): LinkedShares => {
  const world = replay(events);
  const cohort = submittedIn(world, query);
  const itemsOf = (f: Feedback) =>
    world.links
      .filter((l) => l.workspaceId === query.workspaceId && l.feedbackId === f.feedbackId)
      .map((l) => l.itemId);
  return {
    backlog: ratio(cohort.filter((f) => itemsOf(f).length > 0).length, cohort.length),
    roadmap: ratio(
      cohort.filter((f) => itemsOf(f).some((id) => roadmapInitiativesOf(world, id).length > 0))
        .length,
      cohort.length,
    ),
  };
};

/** When it entered the run of done statuses it is still in. */
const doneSince = (f: Feedback): string | null => {
  if (f.statusKind !== 'done') return null;
  const kinds = [f.initialKind, ...f.changes.map((c) => c.kind)];
  const times = [f.submittedAt, ...f.changes.map((c) => c.at)];
  let start = kinds.length - 1;
  while (start > 0 && kinds[start - 1] === 'done') start -= 1;
  return times[start] ?? null;
};

export const referenceClosedLoop = (events: readonly KpiEvent[], query: KpiQuery): ClosedLoop => {
  const delivered = [...replay(events).feedback.values()].flatMap((f) => {
    const at = doneSince(f);
    return at !== null && isLive(f) && passes(f, query) && within(utcDay(at), query)
      ? [{ f, at }]
      : [];
  });
  return {
    closedLoop: ratio(delivered.filter((d) => d.f.notified).length, delivered.length),
    leadTime: stats(delivered.map((d) => elapsed(d.f.submittedAt, d.at))),
  };
};

export const referenceRevenueByQuarter = (
  events: readonly KpiEvent[],
  query: KpiQuery,
): QuarterRevenue[] => {
  const world = replay(events);
  const all = requests(world, query, () => true).filter((r) =>
    within(utcDay(r.request.submittedAt), query),
  );
  const quarters = [...new Set(everyDay(query.from, query.to).map(quarterOfDay))];
  return quarters.map((quarter) => {
    const inQuarter = all.filter((r) => quarterOfDay(utcDay(r.request.submittedAt)) === quarter);
    const cents = (kinds: StatusKind[]) =>
      inQuarter
        .filter((r) => kinds.includes(r.request.statusKind))
        .reduce((sum, r) => sum + mrrOf(world, r.companies), 0);
    return {
      quarter,
      atStakeCents: cents(['open', 'active']),
      deliveredCents: cents(['done']),
    };
  });
};

export const referenceSprintVelocity = (
  events: readonly KpiEvent[],
  query: KpiQuery,
  granularity: Granularity,
): SprintVelocity => {
  const world = replay(events);
  const sprints = [...world.sprints.values()]
    .filter((s) => s.workspaceId === query.workspaceId && within(s.endDate, query))
    .sort(
      (a, b) =>
        compareKeys(a.endDate, b.endDate) ||
        compareKeys(a.startDate, b.startDate) ||
        compareKeys(a.sprintId, b.sprintId),
    )
    .map((s) => {
      const accepted = world.accepted.filter((a) => a.sprintId === s.sprintId);
      const carried = world.carriedOver.filter((c) => c.sprintId === s.sprintId);
      return {
        sprintId: s.sprintId,
        name: s.name,
        startDate: s.startDate,
        endDate: s.endDate,
        state: s.state,
        acceptedItems: accepted.length,
        acceptedPoints: accepted.reduce((sum, a) => sum + a.points, 0),
        carriedOverItems: carried.length,
        carriedOverPoints: carried.reduce((sum, c) => sum + c.points, 0),
      };
    });
  const completed = sprints.filter((s) => s.state === 'completed');
  const accepted = world.accepted.filter(
    (a) => a.workspaceId === query.workspaceId && within(a.day, query),
  );
  return {
    sprints,
    averagePoints:
      completed.length > 0
        ? completed.reduce((sum, s) => sum + s.acceptedPoints, 0) / completed.length
        : null,
    throughput: everyPeriod(query, granularity).map((period) => {
      const inPeriod = accepted.filter((a) => periodOfDay(a.day, granularity) === period);
      return {
        period,
        items: inPeriod.length,
        points: inPeriod.reduce((sum, a) => sum + a.points, 0),
      };
    }),
  };
};

export const referenceBacklogHealth = (
  events: readonly KpiEvent[],
  query: KpiQuery,
): BacklogHealth => {
  const waiting = [...replay(events).items.values()].filter(
    (i) =>
      i.workspaceId === query.workspaceId &&
      i.kind !== 'epic' &&
      !i.inSprint &&
      !i.accepted &&
      !i.released &&
      utcDay(i.createdAt) <= query.to,
  );
  const ages = waiting.map((i) => ageInDays(utcDay(i.createdAt), query.to));
  return {
    items: waiting.length,
    ready: ratio(
      waiting.filter((i) => i.criteria > 0 && i.estimate !== null).length,
      waiting.length,
    ),
    medianAgeDays: nearestRank(ages, 50),
    ageing: bucketsOf(ages),
  };
};

export const referenceRoadmapProgress = (
  events: readonly KpiEvent[],
  query: KpiQuery,
): InitiativeDelivery[] => {
  const world = replay(events);
  const lanes = ['now', 'next', 'later'];
  return [...world.initiatives.values()]
    .filter((i) => i.workspaceId === query.workspaceId && !i.archived)
    .sort(
      (a, b) =>
        lanes.indexOf(a.lane) - lanes.indexOf(b.lane) ||
        compareKeys(a.quarter, b.quarter) ||
        compareKeys(a.title, b.title) ||
        compareKeys(a.initiativeId, b.initiativeId),
    )
    .map((initiative) => {
      const items = [...world.items.values()].filter(
        (i) =>
          i.workspaceId === query.workspaceId &&
          i.kind !== 'epic' &&
          roadmapInitiativesOf(world, i.itemId).includes(initiative),
      );
      const done = items.filter((i) => i.accepted || i.released);
      const points = (list: Item[]) => list.reduce((sum, i) => sum + (i.estimate ?? 0), 0);
      return {
        initiativeId: initiative.initiativeId,
        title: initiative.title,
        lane: initiative.lane,
        quarter: initiative.quarter,
        progress: initiativeProgress({
          itemCount: items.length,
          doneItemCount: done.length,
          points: points(items),
          donePoints: points(done),
        }),
      };
    });
};
