import fc from 'fast-check';
import {
  defaultStatuses,
  feedbackSources,
  type StatusDefinition,
  type StatusKind,
} from '../feedback/feedback-workflow';
import { roadmapLanes } from '../roadmap/initiative.events';
import type { KpiEvent } from './kpi-events';
import type { Granularity, KpiQuery } from './kpi-queries';

// Test support only: reached through `@chorus/domain/kpi-histories`, never from the package's index.

/*
 * Random but valid histories: a script of abstract actions (pick the n-th feedback item, the m-th
 * person…) is played against a small model of each workspace that only lets through what the
 * deciders would accept, and records the events they would have appended.
 */

export const DAY_MS = 86_400_000;
export const START = Date.parse('2025-01-01T00:00:00.000Z');
export const END = START + 730 * DAY_MS;
const WORKSPACES = ['ws-a', 'ws-b'] as const;
const BOARDS = ['general', 'mobile', 'api'];
const SEGMENTS = ['smb', 'mid-market', 'enterprise', null];
const PLANS = ['free', 'pro', 'enterprise', null];
const MRR_CENTS = [0, 4_900, 19_900, 99_900, 250_000];
// Halves and whole numbers add up exactly in binary, so sums do not depend on their order.
const POINTS = [0.5, 1, 2, 3, 5, 8, 13];
const STAFF = 'staff-1';
/**
 * The default workflow, extended as a workspace may: a second done status, and done work that
 * can be reopened. Moves into the custom status are v2 events, the only ones that can name it.
 */
const workflow: readonly Pick<StatusDefinition, 'id' | 'kind' | 'transitions'>[] = [
  ...defaultStatuses.map((s) =>
    s.id === 'done' ? { ...s, transitions: ['shipped', 'in_progress'] } : s,
  ),
  { id: 'shipped', kind: 'done', transitions: ['in_progress'] },
];
const isDefaultMove = (from: string, to: string) =>
  defaultStatuses.some((s) => s.id === from && s.transitions.includes(to));

const actionKinds = {
  company: 2,
  customer: 3,
  moveCustomer: 1,
  updateCompany: 1,
  submit: 8,
  vote: 10,
  withdraw: 3,
  comment: 4,
  status: 5,
  moderate: 3,
  move: 2,
  merge: 2,
  unmerge: 1,
  item: 6,
  estimate: 2,
  criteria: 2,
  link: 4,
  unlink: 1,
  initiative: 1,
  setInitiative: 2,
  editInitiative: 1,
  sprint: 2,
  editSprint: 1,
  startSprint: 3,
  plan: 8,
  unplan: 1,
  accept: 8,
  complete: 2,
  release: 3,
} as const;
type ActionKind = keyof typeof actionKinds;

type Action = {
  kind: ActionKind;
  /** Which workspace: mostly the first, which the queries mostly ask about. */
  w: 0 | 1;
  /** Seconds since the previous action. */
  gap: number;
  a: number;
  b: number;
  c: number;
  flag: boolean;
};

const actionArb: fc.Arbitrary<Action> = fc.record({
  kind: fc.oneof(
    ...Object.entries(actionKinds).map(([kind, weight]) => ({
      arbitrary: fc.constant(kind as ActionKind),
      weight,
    })),
  ),
  w: fc.oneof({ arbitrary: fc.constant(0 as const), weight: 4 }, fc.constant(1 as const)),
  gap: fc.oneof(fc.integer({ min: 0, max: 3_600 }), fc.integer({ min: 0, max: 14 * 86_400 })),
  a: fc.nat(1_000),
  b: fc.nat(1_000),
  c: fc.nat(1_000),
  flag: fc.boolean(),
});

type FeedbackModel = {
  id: string;
  authorId: string;
  board: string;
  status: string;
  kind: StatusKind;
  moderation: 'approved' | 'pending' | 'rejected';
  spam: boolean;
  mergedInto: string | null;
  duplicates: string[];
  voters: Set<string>;
};
type ItemModel = {
  id: string;
  kind: 'epic' | 'story' | 'task';
  parentId: string | null;
  estimate: number | null;
  criteria: number;
  sprintId: string | null;
  accepted: boolean;
  released: boolean;
};
type SprintModel = { id: string; startDate: string; state: 'planned' | 'active' | 'completed' };
type InitiativeModel = { id: string; lane: (typeof roadmapLanes)[number]; archived: boolean };
type Space = {
  id: string;
  companies: string[];
  customers: string[];
  users: string[];
  feedback: FeedbackModel[];
  items: ItemModel[];
  sprints: SprintModel[];
  initiatives: InitiativeModel[];
  links: { feedbackId: string; itemId: string }[];
};

type Unplaced = KpiEvent extends infer E
  ? E extends KpiEvent
    ? Omit<E, 'occurredAt' | 'workspaceId'>
    : never
  : never;

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const quarterOfMs = (ms: number) =>
  `${new Date(ms).getUTCFullYear()}-Q${Math.floor(new Date(ms).getUTCMonth() / 3) + 1}`;
const criteriaOf = (count: number, next: () => string) =>
  Array.from({ length: count }, () => ({
    id: next(),
    given: 'a customer',
    when: 'they export',
    then: 'they get a file',
    met: true,
  }));

const historyOf = (actions: readonly Action[]): KpiEvent[] => {
  const events: KpiEvent[] = [];
  let clock = START;
  let ids = 0;
  const next = () => uuid((ids += 1));
  const spaces: Space[] = WORKSPACES.map((id) => ({
    id,
    companies: [],
    customers: [],
    users: [`${id}-user-1`, `${id}-user-2`],
    feedback: [],
    items: [],
    sprints: [],
    initiatives: [],
    links: [],
  }));

  for (const { kind, w, gap, a, b, c, flag } of actions) {
    clock = Math.min(END, clock + gap * 1000);
    const space = spaces[w];
    if (!space) continue;
    const emit = (...list: Unplaced[]) => {
      for (const event of list) {
        events.push({
          ...event,
          occurredAt: new Date(clock).toISOString(),
          workspaceId: space.id,
        });
      }
    };
    const people = [...space.customers, ...space.users];
    const feedback = space.feedback;
    const byId = (id: string) => feedback.find((f) => f.id === id);
    switch (kind) {
      case 'company': {
        const companyId = next();
        space.companies.push(companyId);
        emit({
          type: 'CompanyCreated',
          data: {
            companyId,
            externalId: `company-${ids}`,
            name: `Company ${ids}`,
            domain: null,
            plan: PLANS[b % PLANS.length] ?? null,
            mrrCents: MRR_CENTS[c % MRR_CENTS.length] ?? 0,
            segment: SEGMENTS[a % SEGMENTS.length] ?? null,
            attributes: {},
          },
        });
        break;
      }
      case 'customer': {
        const customerId = next();
        space.customers.push(customerId);
        emit({
          type: 'CustomerCreated',
          data: {
            customerId,
            externalId: `customer-${ids}`,
            email: null,
            name: `Customer ${ids}`,
            companyId: flag ? null : (pick(space.companies, a) ?? null),
          },
        });
        break;
      }
      case 'moveCustomer': {
        const customerId = pick(space.customers, a);
        if (!customerId) break;
        emit({
          type: 'CustomerUpdated',
          data: { customerId, companyId: flag ? null : (pick(space.companies, b) ?? null) },
        });
        break;
      }
      case 'updateCompany': {
        const companyId = pick(space.companies, a);
        if (!companyId) break;
        const segment = SEGMENTS[b % SEGMENTS.length] ?? null;
        const plan = PLANS[c % PLANS.length] ?? null;
        const mrrCents = MRR_CENTS[(b + c) % MRR_CENTS.length] ?? 0;
        emit({
          type: 'CompanyUpdated',
          data: [
            { companyId, segment },
            { companyId, plan },
            { companyId, mrrCents },
          ][a % 3] ?? {
            companyId,
          },
        });
        break;
      }
      case 'submit': {
        const authorId = pick(people, a) ?? STAFF;
        const feedbackId = next();
        const board = BOARDS[b % BOARDS.length] ?? 'general';
        const pending = flag && c % 3 === 0;
        const base = {
          feedbackId,
          title: `Request ${ids}`,
          description: '',
          boardId: board,
          authorId,
        };
        // Some items were submitted before custom workflows: v1 events, read with defaults.
        emit({
          type: 'FeedbackSubmitted',
          data:
            c % 11 === 0
              ? base
              : {
                  ...base,
                  statusId: 'open',
                  moderation: pending ? 'pending' : 'approved',
                  source: feedbackSources[c % feedbackSources.length] ?? 'app',
                  capturedBy: null,
                  quote: null,
                  categoryId: null,
                },
        });
        feedback.push({
          id: feedbackId,
          authorId,
          board,
          status: 'open',
          kind: 'open',
          moderation: pending && c % 11 !== 0 ? 'pending' : 'approved',
          spam: false,
          mergedInto: null,
          duplicates: [],
          voters: new Set(),
        });
        break;
      }
      case 'vote': {
        const f = pick(
          feedback.filter(
            (x) =>
              !x.mergedInto &&
              !x.spam &&
              x.moderation === 'approved' &&
              (x.kind === 'open' || x.kind === 'active'),
          ),
          a,
        );
        const voterId = pick(people, b);
        if (!f || !voterId || f.voters.has(voterId)) break;
        f.voters.add(voterId);
        emit({
          type: 'VoteCast',
          data:
            c % 9 === 0
              ? { feedbackId: f.id, voterId }
              : { feedbackId: f.id, voterId, source: 'app', capturedBy: null, quote: null },
        });
        break;
      }
      case 'withdraw': {
        const f = pick(
          feedback.filter((x) => x.voters.size > 0),
          a,
        );
        const voterId = f && pick([...f.voters], b);
        if (!f || !voterId) break;
        f.voters.delete(voterId);
        emit({ type: 'VoteWithdrawn', data: { feedbackId: f.id, voterId } });
        break;
      }
      case 'comment': {
        const f = pick(feedback, a);
        const authorId = flag ? STAFF : pick(people, b);
        if (!f || !authorId) break;
        emit({
          type: 'CommentPosted',
          data: {
            commentId: next(),
            feedbackId: f.id,
            parentId: null,
            authorId,
            byStaff: flag,
            visibility: flag && c % 3 === 0 ? 'internal' : 'public',
            body: 'Thanks for the details.',
            mentions: [],
          },
        });
        break;
      }
      case 'status': {
        const f = pick(
          feedback.filter((x) => !x.mergedInto),
          a,
        );
        const to = f && pick(workflow.find((s) => s.id === f.status)?.transitions ?? [], b);
        const toKind = workflow.find((s) => s.id === to)?.kind;
        if (!f || !to || !toKind) break;
        emit({
          type: 'FeedbackStatusChanged',
          data:
            c % 7 === 0 && isDefaultMove(f.status, to)
              ? { feedbackId: f.id, from: f.status, to, changedBy: STAFF }
              : { feedbackId: f.id, from: f.status, to, toKind, changedBy: STAFF },
        });
        f.status = to;
        f.kind = toKind;
        break;
      }
      case 'moderate': {
        const f = pick(feedback, a);
        if (!f) break;
        const by = { feedbackId: f.id, by: STAFF };
        if (flag) {
          f.spam = !f.spam;
          emit({ type: f.spam ? 'FeedbackMarkedSpam' : 'FeedbackSpamCleared', data: by });
        } else if (f.moderation === 'pending' && b % 2 === 0) {
          f.moderation = 'rejected';
          emit({ type: 'FeedbackRejected', data: { ...by, reason: 'Off topic.' } });
        } else if (f.moderation !== 'approved') {
          f.moderation = 'approved';
          emit({ type: 'FeedbackApproved', data: by });
        }
        break;
      }
      case 'move': {
        const f = pick(
          feedback.filter((x) => !x.mergedInto),
          a,
        );
        const board = BOARDS[b % BOARDS.length] ?? 'general';
        if (!f || f.board === board) break;
        f.board = board;
        emit({
          type: 'FeedbackEdited',
          data: { feedbackId: f.id, boardId: board, editedBy: STAFF },
        });
        break;
      }
      case 'merge': {
        const duplicate = pick(feedback, a);
        const into = pick(feedback, b);
        if (
          !duplicate ||
          !into ||
          duplicate === into ||
          duplicate.mergedInto ||
          into.mergedInto ||
          duplicate.duplicates.length > 0
        ) {
          break;
        }
        duplicate.mergedInto = into.id;
        into.duplicates.push(duplicate.id);
        emit({
          type: 'FeedbackMerged',
          data: { feedbackId: duplicate.id, intoId: into.id, by: STAFF },
        });
        break;
      }
      case 'unmerge': {
        const duplicate = pick(
          feedback.filter((x) => x.mergedInto),
          a,
        );
        const survivor = duplicate?.mergedInto ? byId(duplicate.mergedInto) : undefined;
        if (!duplicate || !survivor) break;
        duplicate.mergedInto = null;
        survivor.duplicates = survivor.duplicates.filter((id) => id !== duplicate.id);
        emit({
          type: 'FeedbackUnmerged',
          data: { feedbackId: duplicate.id, fromId: survivor.id, by: STAFF },
        });
        break;
      }
      case 'item': {
        const itemKind = (['story', 'story', 'task', 'epic'] as const)[a % 4] ?? 'story';
        const parentKind = itemKind === 'story' ? 'epic' : itemKind === 'task' ? 'story' : null;
        const parent =
          parentKind && flag
            ? pick(
                space.items.filter((i) => i.kind === parentKind),
                b,
              )
            : undefined;
        const item: ItemModel = {
          id: next(),
          kind: itemKind,
          parentId: parent?.id ?? null,
          estimate: c % 4 === 0 ? null : (POINTS[c % POINTS.length] ?? 1),
          criteria: c % 5 === 0 ? 0 : 1 + (b % 2),
          sprintId: null,
          accepted: false,
          released: false,
        };
        space.items.push(item);
        emit({
          type: 'BacklogItemCreated',
          data: {
            itemId: item.id,
            kind: item.kind,
            parentId: item.parentId,
            title: `Item ${ids}`,
            description: '',
            acceptanceCriteria: criteriaOf(item.criteria, next),
            estimate: item.estimate,
            labels: [],
            ownerId: null,
            rank: 'a0',
            createdBy: STAFF,
          },
        });
        break;
      }
      case 'estimate': {
        const item = pick(
          space.items.filter((i) => !i.accepted && !i.released),
          a,
        );
        if (!item) break;
        item.estimate = c % 5 === 0 ? null : (POINTS[c % POINTS.length] ?? 1);
        // Sometimes the item also moves under another parent of the kind it may sit under.
        const parentKind = item.kind === 'story' ? 'epic' : item.kind === 'task' ? 'story' : null;
        const parent =
          parentKind && flag
            ? pick(
                space.items.filter((i) => i.kind === parentKind),
                b,
              )
            : undefined;
        if (parent) item.parentId = parent.id;
        emit({
          type: 'BacklogItemEdited',
          data: parent
            ? { itemId: item.id, estimate: item.estimate, parentId: parent.id, by: STAFF }
            : { itemId: item.id, estimate: item.estimate, by: STAFF },
        });
        break;
      }
      case 'criteria': {
        const item = pick(
          space.items.filter((i) => !i.accepted && !i.released),
          a,
        );
        if (!item) break;
        item.criteria = b % 3;
        emit({
          type: 'AcceptanceCriteriaChanged',
          data: { itemId: item.id, criteria: criteriaOf(item.criteria, next), by: STAFF },
        });
        break;
      }
      case 'link': {
        const f = pick(feedback, a);
        // Half the links answer feedback with work under way, so releases have someone to tell.
        const started = space.items.filter((i) => i.sprintId !== null || i.accepted);
        const item = pick(flag && started.length > 0 ? started : space.items, b);
        if (!f || !item || space.links.some((l) => l.feedbackId === f.id && l.itemId === item.id)) {
          break;
        }
        space.links.push({ feedbackId: f.id, itemId: item.id });
        emit({
          type: 'FeedbackLinkedToBacklogItem',
          data: { itemId: item.id, feedbackId: f.id, by: STAFF },
        });
        break;
      }
      case 'unlink': {
        const link = pick(space.links, a);
        if (!link) break;
        space.links = space.links.filter((l) => l !== link);
        emit({ type: 'FeedbackUnlinkedFromBacklogItem', data: { ...link, by: STAFF } });
        break;
      }
      case 'initiative': {
        const initiative: InitiativeModel = {
          id: next(),
          lane: roadmapLanes[a % roadmapLanes.length] ?? 'now',
          archived: false,
        };
        space.initiatives.push(initiative);
        emit({
          type: 'InitiativeCreated',
          data: {
            initiativeId: initiative.id,
            title: `Initiative ${b % 5}`,
            description: '',
            lane: initiative.lane,
            quarter: flag ? quarterOfMs(clock) : null,
            visibility: 'public',
            by: STAFF,
          },
        });
        break;
      }
      case 'setInitiative': {
        const item = pick(space.items, a);
        const initiative = flag
          ? pick(
              space.initiatives.filter((i) => !i.archived),
              b,
            )
          : undefined;
        if (!item) break;
        emit({
          type: 'BacklogItemInitiativeSet',
          data: { itemId: item.id, initiativeId: initiative?.id ?? null, by: STAFF },
        });
        break;
      }
      case 'editInitiative': {
        const initiative = pick(
          space.initiatives.filter((i) => !i.archived),
          a,
        );
        if (!initiative) break;
        const by = { initiativeId: initiative.id, by: STAFF };
        if (b % 3 === 0) {
          emit({
            type: 'InitiativeEdited',
            data: {
              ...by,
              title: `Initiative ${c % 5}`,
              quarter: flag ? quarterOfMs(clock) : null,
            },
          });
        } else if (b % 3 === 1) {
          const to = roadmapLanes[c % roadmapLanes.length] ?? 'now';
          emit({ type: 'InitiativeMoved', data: { ...by, from: initiative.lane, to } });
          initiative.lane = to;
        } else {
          initiative.archived = true;
          emit({ type: 'InitiativeArchived', data: by });
        }
        break;
      }
      case 'sprint': {
        const sprint: SprintModel = { id: next(), startDate: isoDay(clock), state: 'planned' };
        space.sprints.push(sprint);
        emit({
          type: 'SprintCreated',
          data: {
            sprintId: sprint.id,
            name: `Sprint ${space.sprints.length}`,
            goal: '',
            startDate: sprint.startDate,
            endDate: isoDay(clock + (7 + (a % 14)) * DAY_MS),
            capacity: 20,
            by: STAFF,
          },
        });
        break;
      }
      case 'editSprint': {
        const sprint = pick(
          space.sprints.filter((s) => s.state !== 'completed'),
          a,
        );
        if (!sprint) break;
        emit({
          type: 'SprintEdited',
          data: {
            sprintId: sprint.id,
            name: `Sprint ${b % 9}`,
            endDate: isoDay(Date.parse(sprint.startDate) + (b % 21) * DAY_MS),
            by: STAFF,
          },
        });
        break;
      }
      case 'startSprint': {
        const sprint = pick(
          space.sprints.filter((s) => s.state === 'planned'),
          a,
        );
        if (!sprint) break;
        sprint.state = 'active';
        emit({ type: 'SprintStarted', data: { sprintId: sprint.id, by: STAFF } });
        break;
      }
      case 'plan': {
        const item = pick(
          space.items.filter(
            (i) =>
              i.kind !== 'epic' &&
              i.sprintId === null &&
              !i.accepted &&
              !i.released &&
              i.criteria > 0 &&
              i.estimate !== null,
          ),
          a,
        );
        // Mostly into a sprint under way, so the work can be accepted.
        const active = space.sprints.filter((s) => s.state === 'active');
        const sprint = pick(
          flag || active.length === 0
            ? space.sprints.filter((s) => s.state !== 'completed')
            : active,
          b,
        );
        if (!item || !sprint) break;
        item.sprintId = sprint.id;
        emit({
          type: 'BacklogItemPlanned',
          data: { itemId: item.id, sprintId: sprint.id, by: STAFF },
        });
        break;
      }
      case 'unplan': {
        const item = pick(
          space.items.filter((i) => i.sprintId !== null && !i.accepted),
          a,
        );
        if (!item?.sprintId) break;
        emit({
          type: 'BacklogItemUnplanned',
          data: { itemId: item.id, sprintId: item.sprintId, reason: 'removed', by: STAFF },
        });
        item.sprintId = null;
        break;
      }
      case 'accept': {
        const active = new Set(space.sprints.filter((s) => s.state === 'active').map((s) => s.id));
        const item = pick(
          space.items.filter(
            (i) =>
              i.sprintId !== null &&
              active.has(i.sprintId) &&
              !i.accepted &&
              i.criteria > 0 &&
              i.estimate !== null,
          ),
          a,
        );
        if (!item?.sprintId || item.estimate === null) break;
        item.accepted = true;
        emit({
          type: 'BacklogItemAccepted',
          data: { itemId: item.id, sprintId: item.sprintId, points: item.estimate, by: STAFF },
        });
        break;
      }
      case 'complete': {
        const sprint = pick(
          space.sprints.filter((s) => s.state === 'active'),
          a,
        );
        if (!sprint) break;
        const target = flag
          ? pick(
              space.sprints.filter((s) => s !== sprint && s.state !== 'completed'),
              b,
            )
          : undefined;
        const members = space.items.filter((i) => i.sprintId === sprint.id);
        const unfinished = members.filter((i) => !i.accepted);
        sprint.state = 'completed';
        emit({
          type: 'SprintCompleted',
          data: {
            sprintId: sprint.id,
            acceptedItemIds: members.filter((i) => i.accepted).map((i) => i.id),
            carriedOver: unfinished.map((i) => ({ itemId: i.id, to: target?.id ?? null })),
            by: STAFF,
          },
        });
        for (const item of unfinished) {
          emit({
            type: 'BacklogItemUnplanned',
            data: { itemId: item.id, sprintId: sprint.id, reason: 'carried_over', by: STAFF },
          });
          item.sprintId = target?.id ?? null;
          if (target) {
            emit({
              type: 'BacklogItemPlanned',
              data: { itemId: item.id, sprintId: target.id, by: STAFF },
            });
          }
        }
        break;
      }
      case 'release': {
        const linked = (i: ItemModel) => space.links.some((l) => l.itemId === i.id);
        const shipped = space.items
          .filter((i) => i.accepted && !i.released)
          .sort((x, y) => Number(linked(y)) - Number(linked(x)))
          .slice(0, (a % 3) + 1);
        if (shipped.length === 0) break;
        const releaseId = next();
        const delivered = [
          ...new Set(
            space.links
              .filter((l) => shipped.some((i) => i.id === l.itemId))
              .map((l) => l.feedbackId),
          ),
        ].flatMap((id) => byId(id) ?? []);
        for (const item of shipped) {
          item.released = true;
          emit({ type: 'BacklogItemReleased', data: { itemId: item.id, releaseId, by: STAFF } });
        }
        for (const f of delivered) {
          if (f.mergedInto || f.kind === 'done') continue;
          emit({
            type: 'FeedbackStatusChanged',
            data: {
              feedbackId: f.id,
              from: f.status,
              to: 'done',
              toKind: 'done',
              changedBy: STAFF,
            },
          });
          f.status = 'done';
          f.kind = 'done';
        }
        const asked = new Map<string, string[]>();
        for (const f of delivered) {
          const group = [f, ...f.duplicates.flatMap((id) => byId(id) ?? [])];
          for (const personId of new Set(group.flatMap((g) => [g.authorId, ...g.voters]))) {
            asked.set(personId, [...(asked.get(personId) ?? []), f.id]);
          }
        }
        for (const [personId, feedbackIds] of [...asked.entries()].sort()) {
          emit({
            type: 'PersonNotified',
            data: {
              notificationId: next(),
              personId,
              kind: 'feedback_shipped',
              releaseId,
              releaseName: `Release ${ids}`,
              feedbackIds: [...new Set(feedbackIds)].sort(),
            },
          });
        }
        break;
      }
    }
  }
  return events;
};

export const historyArb = fc
  .array(actionArb, { minLength: 60, maxLength: 250, size: 'max' })
  .map(historyOf);

const dayArb = fc
  .integer({ min: -20, max: 750 })
  .map((n) => new Date(START + n * DAY_MS).toISOString().slice(0, 10));
export const queryArb: fc.Arbitrary<KpiQuery> = fc
  .record({
    w: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, fc.constant(1)),
    a: dayArb,
    b: dayArb,
    boardId: fc.option(fc.constantFrom(...BOARDS), { nil: undefined }),
    segment: fc.option(fc.constantFrom('smb', 'mid-market', 'enterprise'), { nil: undefined }),
    plan: fc.option(fc.constantFrom('free', 'pro', 'enterprise'), { nil: undefined }),
  })
  .map(({ w, a, b, boardId, segment, plan }) => ({
    workspaceId: WORKSPACES[w] ?? 'ws-a',
    from: a < b ? a : b,
    to: a < b ? b : a,
    ...(boardId === undefined ? {} : { boardId }),
    ...(segment === undefined ? {} : { segment }),
    ...(plan === undefined ? {} : { plan }),
  }));
/** The whole window of the first workspace, unfiltered: where every fact counts. */
export const everything: KpiQuery = { workspaceId: 'ws-a', from: isoDay(START), to: isoDay(END) };
export const granularityArb = fc.constantFrom<Granularity>('day', 'week');
