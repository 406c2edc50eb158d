import type { KpiEvent } from './kpi-events';
import {
  activeCustomers,
  backlogHealth,
  closedLoop,
  feedbackAgeing,
  feedbackVolume,
  linkedShares,
  percentile,
  previousPeriod,
  responseTimes,
  revenueByQuarter,
  roadmapProgress,
  sprintVelocity,
  statusFunnel,
  topRequests,
  uniqueVoters,
  votesOverTime,
  type KpiQuery,
} from './kpi-queries';
import {
  applyKpiBatch,
  evolveKpiRollup,
  initialKpiRollup,
  kpiRollupChanges,
  type KpiRollup,
} from './kpi-rollup';

const workspaceId = 'ws-1';
const HOUR = 3_600_000;
let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${(ids += 1).toString(16).padStart(12, '0')}`;

type Unplaced = KpiEvent extends infer E
  ? E extends KpiEvent
    ? Omit<E, 'occurredAt' | 'workspaceId'>
    : never
  : never;
/** `2026-03-02 09:00` → an event of the workspace at that UTC time. */
const on = (when: string, event: Unplaced): KpiEvent => ({
  ...event,
  occurredAt: `${when.replace(' ', 'T')}:00.000Z`,
  workspaceId,
});

const given = (...events: KpiEvent[]): KpiRollup =>
  events.reduce(evolveKpiRollup, initialKpiRollup());
const march: KpiQuery = { workspaceId, from: '2026-03-01', to: '2026-03-31' };

const staff = 'staff-1';
const company = (
  when: string,
  companyId: string,
  fields: { segment: string | null; plan: string | null; mrrCents: number },
) =>
  on(when, {
    type: 'CompanyCreated',
    data: { companyId, externalId: companyId, name: 'Co', domain: null, attributes: {}, ...fields },
  });
const customer = (when: string, customerId: string, companyId: string | null) =>
  on(when, {
    type: 'CustomerCreated',
    data: { customerId, externalId: customerId, email: null, name: 'Someone', companyId },
  });
const submitted = (
  when: string,
  feedbackId: string,
  authorId: string,
  over: { boardId?: string; source?: 'app' | 'email' | 'slack'; statusId?: string } = {},
) =>
  on(when, {
    type: 'FeedbackSubmitted',
    data: {
      feedbackId,
      title: 'A request',
      description: '',
      boardId: over.boardId ?? 'general',
      authorId,
      statusId: over.statusId ?? 'open',
      moderation: 'approved',
      source: over.source ?? 'app',
      capturedBy: null,
      quote: null,
      categoryId: null,
    },
  });
const voted = (when: string, feedbackId: string, voterId: string) =>
  on(when, {
    type: 'VoteCast',
    data: { feedbackId, voterId, source: 'app', capturedBy: null, quote: null },
  });
const withdrew = (when: string, feedbackId: string, voterId: string) =>
  on(when, { type: 'VoteWithdrawn', data: { feedbackId, voterId } });
const commented = (
  when: string,
  feedbackId: string,
  authorId: string,
  how: { byStaff: boolean; visibility: 'public' | 'internal' },
) =>
  on(when, {
    type: 'CommentPosted',
    data: {
      commentId: uuid(),
      feedbackId,
      parentId: null,
      authorId,
      ...how,
      body: 'Noted.',
      mentions: [],
    },
  });
const moved = (
  when: string,
  feedbackId: string,
  from: string,
  to: string,
  toKind: 'open' | 'active' | 'done' | 'closed',
) =>
  on(when, {
    type: 'FeedbackStatusChanged',
    data: { feedbackId, from, to, toKind, changedBy: staff },
  });
const created = (
  when: string,
  itemId: string,
  over: {
    kind?: 'epic' | 'story' | 'task';
    parentId?: string;
    estimate?: number | null;
    criteria?: number;
  } = {},
) =>
  on(when, {
    type: 'BacklogItemCreated',
    data: {
      itemId,
      kind: over.kind ?? 'story',
      parentId: over.parentId ?? null,
      title: 'Some work',
      description: '',
      acceptanceCriteria: Array.from({ length: over.criteria ?? 1 }, () => ({
        id: uuid(),
        given: 'a',
        when: 'b',
        then: 'c',
        met: true,
      })),
      estimate: over.estimate === undefined ? 3 : over.estimate,
      labels: [],
      ownerId: null,
      rank: 'a0',
      createdBy: staff,
    },
  });
const linked = (when: string, feedbackId: string, itemId: string) =>
  on(when, { type: 'FeedbackLinkedToBacklogItem', data: { itemId, feedbackId, by: staff } });
const initiative = (when: string, initiativeId: string, title: string) =>
  on(when, {
    type: 'InitiativeCreated',
    data: {
      initiativeId,
      title,
      description: '',
      lane: 'now',
      quarter: '2026-Q1',
      visibility: 'public',
      by: staff,
    },
  });
const towards = (when: string, itemId: string, initiativeId: string | null) =>
  on(when, { type: 'BacklogItemInitiativeSet', data: { itemId, initiativeId, by: staff } });
const sprint = (when: string, sprintId: string, startDate: string, endDate: string) =>
  on(when, {
    type: 'SprintCreated',
    data: { sprintId, name: 'Sprint', goal: '', startDate, endDate, capacity: 20, by: staff },
  });
const planned = (when: string, itemId: string, sprintId: string) =>
  on(when, { type: 'BacklogItemPlanned', data: { itemId, sprintId, by: staff } });
const accepted = (when: string, itemId: string, sprintId: string, points: number) =>
  on(when, { type: 'BacklogItemAccepted', data: { itemId, sprintId, points, by: staff } });

const ann = uuid();
const bob = uuid();
const carl = uuid();
const acme = uuid();
const globex = uuid();
const people = [
  company('2026-01-01 00:00', acme, { segment: 'enterprise', plan: 'pro', mrrCents: 10_000 }),
  company('2026-01-01 00:00', globex, { segment: 'smb', plan: 'free', mrrCents: 5_000 }),
  customer('2026-01-01 00:00', ann, acme),
  customer('2026-01-01 00:00', bob, null),
  customer('2026-01-01 00:00', carl, globex),
];

describe('KPI definitions', () => {
  describe('feedback volume', () => {
    const [a, b, c, spam, misfiled] = [uuid(), uuid(), uuid(), uuid(), uuid()];
    const rollup = given(
      ...people,
      submitted('2026-03-02 09:00', a, ann),
      submitted('2026-03-03 09:00', b, bob, { boardId: 'mobile', source: 'email' }),
      submitted('2026-03-09 09:00', c, staff, { source: 'slack' }),
      submitted('2026-03-04 09:00', spam, ann),
      on('2026-03-04 10:00', { type: 'FeedbackMarkedSpam', data: { feedbackId: spam, by: staff } }),
      submitted('2026-03-04 11:00', misfiled, carl),
      on('2026-03-05 09:00', {
        type: 'FeedbackEdited',
        data: { feedbackId: misfiled, boardId: 'mobile', editedBy: staff },
      }),
    );
    const week = { ...march, from: '2026-03-02', to: '2026-03-10' };

    it('counts submissions per day, without spam, under the board they were moved to', () => {
      const volume = feedbackVolume(rollup, week, 'day');
      expect(volume.total).toBe(4);
      expect(volume.series.filter((p) => p.count > 0)).toEqual([
        { period: '2026-03-02', count: 1 },
        { period: '2026-03-03', count: 1 },
        { period: '2026-03-04', count: 1 },
        { period: '2026-03-09', count: 1 },
      ]);
      expect(volume.series).toHaveLength(9);
      expect(volume.byBoard).toEqual([
        { key: 'general', count: 2 },
        { key: 'mobile', count: 2 },
      ]);
      expect(volume.bySource).toEqual([
        { key: 'app', count: 2 },
        { key: 'email', count: 1 },
        { key: 'slack', count: 1 },
      ]);
      expect(volume.bySegment).toEqual([
        { key: null, count: 2 },
        { key: 'enterprise', count: 1 },
        { key: 'smb', count: 1 },
      ]);
    });

    it('groups days into ISO weeks named by their Monday', () => {
      expect(feedbackVolume(rollup, week, 'week').series).toEqual([
        { period: '2026-03-02', count: 3 },
        { period: '2026-03-09', count: 1 },
      ]);
    });

    it('filters by board and by the segment of the author’s company', () => {
      expect(feedbackVolume(rollup, { ...week, boardId: 'mobile' }, 'day').total).toBe(2);
      expect(feedbackVolume(rollup, { ...week, segment: 'enterprise' }, 'day').total).toBe(1);
      expect(feedbackVolume(rollup, { ...week, plan: 'free' }, 'day').total).toBe(1);
    });

    it('counts spam again once it is cleared', () => {
      const cleared = evolveKpiRollup(
        rollup,
        on('2026-03-20 09:00', {
          type: 'FeedbackSpamCleared',
          data: { feedbackId: spam, by: staff },
        }),
      );
      expect(feedbackVolume(cleared, week, 'day').total).toBe(5);
    });
  });

  describe('votes, unique voters and active customers', () => {
    const [a, b] = [uuid(), uuid()];
    const rollup = given(
      ...people,
      submitted('2026-03-02 08:00', a, ann),
      submitted('2026-03-02 08:30', b, staff, { boardId: 'mobile' }),
      voted('2026-03-02 09:00', a, ann),
      voted('2026-03-03 09:00', b, ann),
      voted('2026-03-03 10:00', a, 'user-without-customer-record'),
      withdrew('2026-03-04 09:00', a, ann),
      commented('2026-03-05 09:00', a, bob, { byStaff: false, visibility: 'public' }),
      commented('2026-03-05 10:00', a, staff, { byStaff: true, visibility: 'public' }),
    );
    const days = { ...march, from: '2026-03-02', to: '2026-03-05' };

    it('counts casts and withdrawals on the day each happened', () => {
      expect(votesOverTime(rollup, days, 'day')).toEqual({
        cast: 3,
        withdrawn: 1,
        net: 2,
        series: [
          { period: '2026-03-02', cast: 1, withdrawn: 0, net: 1 },
          { period: '2026-03-03', cast: 2, withdrawn: 0, net: 2 },
          { period: '2026-03-04', cast: 0, withdrawn: 1, net: -1 },
          { period: '2026-03-05', cast: 0, withdrawn: 0, net: 0 },
        ],
      });
      expect(votesOverTime(rollup, { ...days, boardId: 'mobile' }, 'day').cast).toBe(1);
    });

    it('counts each voter once over the range, and once per period', () => {
      expect(uniqueVoters(rollup, days, 'week')).toEqual({
        total: 2,
        series: [{ period: '2026-03-02', count: 2 }],
      });
      expect(uniqueVoters(rollup, days, 'day').series.map((p) => p.count)).toEqual([1, 2, 0, 0]);
      expect(uniqueVoters(rollup, { ...days, segment: 'enterprise' }, 'day').total).toBe(1);
    });

    it('counts the known customers who submitted, voted or commented, and their companies', () => {
      const active = activeCustomers(rollup, days, 'day');
      expect(active.customers).toBe(2);
      expect(active.companies).toBe(1);
      expect(active.series).toEqual([
        { period: '2026-03-02', customers: 1, companies: 1 },
        { period: '2026-03-03', customers: 1, companies: 1 },
        { period: '2026-03-04', customers: 0, companies: 0 },
        { period: '2026-03-05', customers: 1, companies: 0 },
      ]);
    });
  });

  describe('top requests', () => {
    const [a, duplicate, c] = [uuid(), uuid(), uuid()];
    const dan = uuid();
    const rollup = given(
      ...people,
      customer('2026-01-01 00:00', dan, globex),
      submitted('2026-03-02 09:00', a, ann),
      submitted('2026-03-02 09:00', duplicate, bob),
      submitted('2026-03-02 09:00', c, carl),
      voted('2026-03-02 10:00', a, ann),
      voted('2026-03-02 10:00', a, bob),
      voted('2026-03-02 10:00', duplicate, ann),
      voted('2026-03-02 10:00', duplicate, dan),
      on('2026-03-03 09:00', {
        type: 'FeedbackMerged',
        data: { feedbackId: duplicate, intoId: a, by: staff },
      }),
      voted('2026-03-02 10:00', c, carl),
      voted('2026-03-02 11:00', c, dan),
      voted('2026-03-02 12:00', c, bob),
      withdrew('2026-03-04 12:00', c, bob),
    );

    it('ranks by distinct voters of a request and its duplicates, withdrawn votes aside', () => {
      expect(topRequests(rollup, march, 'votes', 10)).toEqual([
        {
          feedbackId: a,
          boardId: 'general',
          statusId: 'open',
          statusKind: 'open',
          votes: 3,
          revenueCents: 15_000,
        },
        {
          feedbackId: c,
          boardId: 'general',
          statusId: 'open',
          statusKind: 'open',
          votes: 2,
          revenueCents: 5_000,
        },
      ]);
    });

    it('ranks by the MRR of the distinct companies voting, each company once', () => {
      const mrr = evolveKpiRollup(
        rollup,
        on('2026-03-05 09:00', {
          type: 'CompanyUpdated',
          data: { companyId: globex, mrrCents: 20_000 },
        }),
      );
      expect(
        topRequests(mrr, march, 'revenue', 10).map((r) => [r.feedbackId, r.revenueCents]),
      ).toEqual([
        [a, 30_000],
        [c, 20_000],
      ]);
    });

    it('counts only votes cast in the range from voters of the segment asked for', () => {
      expect(topRequests(rollup, { ...march, segment: 'smb' }, 'votes', 1)).toEqual([
        expect.objectContaining({ feedbackId: c, votes: 2, revenueCents: 5_000 }),
      ]);
      expect(topRequests(rollup, { ...march, from: '2026-03-03' }, 'votes', 10)).toEqual([]);
    });
  });

  describe('time to first response and to triage', () => {
    const [a, b, c] = [uuid(), uuid(), uuid()];
    const rollup = given(
      submitted('2026-03-02 09:00', a, ann),
      commented('2026-03-02 10:00', a, staff, { byStaff: true, visibility: 'internal' }),
      commented('2026-03-02 11:00', a, staff, { byStaff: true, visibility: 'public' }),
      moved('2026-03-02 15:00', a, 'open', 'under_review', 'open'),
      submitted('2026-03-03 09:00', b, ann),
      commented('2026-03-03 10:00', b, bob, { byStaff: false, visibility: 'public' }),
      moved('2026-03-03 14:00', b, 'open', 'planned', 'active'),
      submitted('2026-03-04 09:00', c, ann),
    );

    it('measures from submission to the first public teammate comment or status change, and to the first status change', () => {
      expect(responseTimes(rollup, march)).toEqual({
        submitted: 3,
        firstResponse: { count: 2, medianMs: 2 * HOUR, p90Ms: 5 * HOUR },
        unanswered: 1,
        triage: { count: 2, medianMs: 5 * HOUR, p90Ms: 6 * HOUR },
        untriaged: 1,
      });
    });

    it('looks at the feedback submitted in the range', () => {
      expect(responseTimes(rollup, { ...march, from: '2026-03-03' }).firstResponse).toEqual({
        count: 1,
        medianMs: 5 * HOUR,
        p90Ms: 5 * HOUR,
      });
    });
  });

  describe('status funnel and ageing', () => {
    const [fresh, reviewed, started, shipped, declined, old] = [
      uuid(),
      uuid(),
      uuid(),
      uuid(),
      uuid(),
      uuid(),
    ];
    const rollup = given(
      submitted('2026-03-30 09:00', fresh, ann),
      submitted('2026-03-20 09:00', reviewed, ann),
      moved('2026-03-21 09:00', reviewed, 'open', 'under_review', 'open'),
      submitted('2026-03-01 09:00', started, ann),
      moved('2026-03-02 09:00', started, 'open', 'planned', 'active'),
      moved('2026-03-03 09:00', started, 'planned', 'in_progress', 'active'),
      submitted('2026-03-01 09:00', shipped, ann),
      moved('2026-03-10 09:00', shipped, 'open', 'done', 'done'),
      submitted('2026-03-05 09:00', declined, ann),
      moved('2026-03-06 09:00', declined, 'open', 'declined', 'closed'),
      submitted('2025-11-01 09:00', old, ann),
    );

    it('counts how far the feedback submitted in the range has got, and where it is now', () => {
      expect(statusFunnel(rollup, march)).toEqual({
        stages: [
          { stage: 'submitted', count: 5 },
          { stage: 'triaged', count: 4 },
          { stage: 'planned', count: 2 },
          { stage: 'done', count: 1 },
        ],
        byStatus: [
          { statusId: 'declined', statusKind: 'closed', count: 1 },
          { statusId: 'done', statusKind: 'done', count: 1 },
          { statusId: 'in_progress', statusKind: 'active', count: 1 },
          { statusId: 'open', statusKind: 'open', count: 1 },
          { statusId: 'under_review', statusKind: 'open', count: 1 },
        ],
      });
    });

    it('buckets unresolved feedback by its age in days at the end of the range', () => {
      expect(feedbackAgeing(rollup, march)).toEqual({
        total: 4,
        buckets: [
          { bucket: '0-7', count: 1 },
          { bucket: '8-30', count: 2 },
          { bucket: '31-90', count: 0 },
          { bucket: '91+', count: 1 },
        ],
      });
    });
  });

  describe('share linked to backlog work and to the roadmap', () => {
    const [a, b, c, d] = [uuid(), uuid(), uuid(), uuid()];
    const [epic, story, task, other] = [uuid(), uuid(), uuid(), uuid()];
    const [growth, shelved] = [uuid(), uuid()];
    const rollup = given(
      initiative('2026-03-01 08:00', growth, 'Growth'),
      initiative('2026-03-01 08:00', shelved, 'Shelved'),
      on('2026-03-01 08:30', {
        type: 'InitiativeArchived',
        data: { initiativeId: shelved, by: staff },
      }),
      created('2026-03-01 09:00', epic, { kind: 'epic' }),
      created('2026-03-01 09:00', story, { parentId: epic }),
      created('2026-03-01 09:00', task, { kind: 'task' }),
      created('2026-03-01 09:00', other),
      towards('2026-03-01 09:30', epic, growth),
      towards('2026-03-01 09:30', other, shelved),
      submitted('2026-03-02 09:00', a, ann),
      submitted('2026-03-02 09:00', b, ann),
      submitted('2026-03-02 09:00', c, ann),
      submitted('2026-03-02 09:00', d, ann),
      linked('2026-03-03 09:00', a, story),
      linked('2026-03-03 09:00', b, task),
      linked('2026-03-03 09:00', d, other),
    );

    it('counts feedback linked to any item, and to an item under a live initiative directly or through a parent', () => {
      expect(linkedShares(rollup, march)).toEqual({
        backlog: { numerator: 3, denominator: 4, ratio: 0.75 },
        roadmap: { numerator: 1, denominator: 4, ratio: 0.25 },
      });
    });

    it('forgets a link once it is undone', () => {
      const unlinked = evolveKpiRollup(
        rollup,
        on('2026-03-04 09:00', {
          type: 'FeedbackUnlinkedFromBacklogItem',
          data: { itemId: story, feedbackId: a, by: staff },
        }),
      );
      expect(linkedShares(unlinked, march).roadmap.numerator).toBe(0);
    });
  });

  describe('closed-loop rate and lead time', () => {
    const [shipped, manual, reopened] = [uuid(), uuid(), uuid()];
    const rollup = given(
      submitted('2026-03-01 09:00', shipped, ann),
      moved('2026-03-05 09:00', shipped, 'open', 'done', 'done'),
      on('2026-03-05 09:00', {
        type: 'PersonNotified',
        data: {
          notificationId: uuid(),
          personId: ann,
          kind: 'feedback_shipped',
          releaseId: uuid(),
          releaseName: '1.0',
          feedbackIds: [shipped],
        },
      }),
      submitted('2026-03-01 09:00', manual, ann),
      moved('2026-03-02 09:00', manual, 'open', 'done', 'done'),
      moved('2026-03-03 09:00', manual, 'done', 'shipped', 'done'),
      submitted('2026-03-01 09:00', reopened, ann),
      moved('2026-03-02 09:00', reopened, 'open', 'done', 'done'),
      moved('2026-03-03 09:00', reopened, 'done', 'in_progress', 'active'),
    );

    it('is the share of feedback done in the range whose askers were told, and how long it took', () => {
      expect(closedLoop(rollup, march)).toEqual({
        closedLoop: { numerator: 1, denominator: 2, ratio: 0.5 },
        leadTime: { count: 2, medianMs: 24 * HOUR, p90Ms: 96 * HOUR },
      });
    });
  });

  describe('revenue at stake and delivered', () => {
    const [open, done, later, declined] = [uuid(), uuid(), uuid(), uuid()];
    const rollup = given(
      ...people,
      submitted('2026-02-10 09:00', open, ann),
      voted('2026-02-10 10:00', open, ann),
      submitted('2026-03-10 09:00', done, carl),
      voted('2026-03-10 10:00', done, carl),
      moved('2026-04-01 09:00', done, 'open', 'done', 'done'),
      submitted('2026-03-11 09:00', declined, ann),
      voted('2026-03-11 10:00', declined, ann),
      moved('2026-03-12 09:00', declined, 'open', 'declined', 'closed'),
      submitted('2026-04-02 09:00', later, ann),
      voted('2026-04-02 10:00', later, ann),
      voted('2026-04-02 10:00', later, carl),
    );

    it('sums per quarter of request the MRR behind open requests and behind done ones', () => {
      expect(
        revenueByQuarter(rollup, { workspaceId, from: '2026-01-01', to: '2026-06-30' }),
      ).toEqual([
        { quarter: '2026-Q1', atStakeCents: 10_000, deliveredCents: 5_000 },
        { quarter: '2026-Q2', atStakeCents: 15_000, deliveredCents: 0 },
      ]);
    });

    it('counts only the voters of the segment asked for', () => {
      expect(
        revenueByQuarter(rollup, {
          workspaceId,
          from: '2026-04-01',
          to: '2026-04-30',
          segment: 'smb',
        }),
      ).toEqual([{ quarter: '2026-Q2', atStakeCents: 5_000, deliveredCents: 0 }]);
    });
  });

  describe('sprint velocity, throughput and carry-over', () => {
    const [first, second] = [uuid(), uuid()];
    const [s1, s2, s3] = [uuid(), uuid(), uuid()];
    const rollup = given(
      sprint('2026-03-01 09:00', first, '2026-03-02', '2026-03-13'),
      sprint('2026-03-01 09:00', second, '2026-03-16', '2026-03-27'),
      created('2026-03-01 09:00', s1, { estimate: 3 }),
      created('2026-03-01 09:00', s2, { estimate: 5 }),
      created('2026-03-01 09:00', s3, { estimate: 2 }),
      planned('2026-03-01 10:00', s1, first),
      planned('2026-03-01 10:00', s2, first),
      planned('2026-03-01 10:00', s3, first),
      on('2026-03-02 09:00', { type: 'SprintStarted', data: { sprintId: first, by: staff } }),
      accepted('2026-03-05 09:00', s1, first, 3),
      accepted('2026-03-10 09:00', s2, first, 5),
      on('2026-03-13 17:00', {
        type: 'SprintCompleted',
        data: {
          sprintId: first,
          acceptedItemIds: [s1, s2],
          carriedOver: [{ itemId: s3, to: second }],
          by: staff,
        },
      }),
      on('2026-03-13 17:00', {
        type: 'BacklogItemUnplanned',
        data: { itemId: s3, sprintId: first, reason: 'carried_over', by: staff },
      }),
      planned('2026-03-13 17:00', s3, second),
    );

    it('sums the points accepted in each sprint ending in the range, and what it carried over', () => {
      const velocity = sprintVelocity(rollup, march, 'week');
      expect(velocity.sprints).toEqual([
        {
          sprintId: first,
          name: 'Sprint',
          startDate: '2026-03-02',
          endDate: '2026-03-13',
          state: 'completed',
          acceptedItems: 2,
          acceptedPoints: 8,
          carriedOverItems: 1,
          carriedOverPoints: 2,
        },
        {
          sprintId: second,
          name: 'Sprint',
          startDate: '2026-03-16',
          endDate: '2026-03-27',
          state: 'planned',
          acceptedItems: 0,
          acceptedPoints: 0,
          carriedOverItems: 0,
          carriedOverPoints: 0,
        },
      ]);
      expect(velocity.averagePoints).toBe(8);
      expect(velocity.throughput.filter((w) => w.items > 0)).toEqual([
        { period: '2026-03-02', items: 1, points: 3 },
        { period: '2026-03-09', items: 1, points: 5 },
      ]);
    });
  });

  describe('backlog health', () => {
    const [epic, ready, unestimated, noCriteria, inSprint] = [
      uuid(),
      uuid(),
      uuid(),
      uuid(),
      uuid(),
    ];
    const rollup = given(
      created('2026-01-15 09:00', epic, { kind: 'epic' }),
      created('2026-01-15 09:00', ready),
      created('2026-03-20 09:00', unestimated, { estimate: null }),
      created('2026-03-28 09:00', noCriteria, { kind: 'task', criteria: 0 }),
      created('2026-03-01 09:00', inSprint),
      sprint('2026-03-01 09:00', uuid(), '2026-03-02', '2026-03-13'),
      planned('2026-03-01 10:00', inSprint, uuid()),
    );

    it('is the ready share of the stories and tasks waiting, and their age at the end of the range', () => {
      expect(backlogHealth(rollup, march)).toEqual({
        items: 3,
        ready: { numerator: 1, denominator: 3, ratio: 1 / 3 },
        medianAgeDays: 11,
        ageing: [
          { bucket: '0-7', count: 1 },
          { bucket: '8-30', count: 1 },
          { bucket: '31-90', count: 1 },
          { bucket: '91+', count: 0 },
        ],
      });
    });
  });

  describe('roadmap progress', () => {
    const [growth, speed, shelved] = [uuid(), uuid(), uuid()];
    const [done, waiting, task] = [uuid(), uuid(), uuid()];
    const rollup = given(
      initiative('2026-03-01 08:00', growth, 'Growth'),
      initiative('2026-03-01 08:00', speed, 'Speed'),
      initiative('2026-03-01 08:00', shelved, 'Shelved'),
      on('2026-03-01 08:30', {
        type: 'InitiativeArchived',
        data: { initiativeId: shelved, by: staff },
      }),
      created('2026-03-01 09:00', done, { estimate: 3 }),
      created('2026-03-01 09:00', waiting, { estimate: 5 }),
      created('2026-03-01 09:00', task, { kind: 'task', parentId: waiting, estimate: null }),
      towards('2026-03-01 09:30', done, growth),
      towards('2026-03-01 09:30', waiting, growth),
      towards('2026-03-01 09:30', task, speed),
      accepted('2026-03-05 09:00', done, uuid(), 3),
    );

    it('counts, as the roadmap does, the stories and tasks under each live initiative directly or through a parent', () => {
      expect(roadmapProgress(rollup, march)).toEqual([
        {
          initiativeId: growth,
          title: 'Growth',
          lane: 'now',
          quarter: '2026-Q1',
          progress: { itemCount: 3, doneItemCount: 1, points: 8, donePoints: 3, percent: 37 },
        },
        {
          initiativeId: speed,
          title: 'Speed',
          lane: 'now',
          quarter: '2026-Q1',
          progress: { itemCount: 1, doneItemCount: 0, points: 0, donePoints: 0, percent: 0 },
        },
      ]);
    });
  });

  describe('periods and percentiles', () => {
    it('compares with the period of the same length just before', () => {
      expect(previousPeriod({ ...march, from: '2026-03-08', to: '2026-03-14' })).toEqual({
        ...march,
        from: '2026-03-01',
        to: '2026-03-07',
      });
      expect(previousPeriod(march)).toEqual({ ...march, from: '2026-01-29', to: '2026-02-28' });
    });

    it('takes the nearest rank: the lower middle for an even count, always one of the values', () => {
      expect(percentile([1, 2, 3, 4], 50)).toBe(2);
      expect(percentile([1, 2, 3, 4], 90)).toBe(4);
      expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
      expect(percentile([7], 90)).toBe(7);
      expect(percentile([], 50)).toBeNull();
    });
  });

  describe('writing a batch', () => {
    const a = uuid();
    const events = [
      ...people,
      submitted('2026-03-02 09:00', a, ann),
      voted('2026-03-02 10:00', a, ann),
      withdrew('2026-03-02 11:00', a, ann),
    ];
    const before = given(...events.slice(0, -2));

    it('writes each row once: deltas added up, a ballot cast and withdrawn not written at all', () => {
      const changes = kpiRollupChanges(before, events.slice(-2));
      expect(
        changes.filter((c) => c.table === 'votesDaily').map(({ op, row }) => ({ op, row })),
      ).toEqual([
        {
          op: 'add',
          row: {
            workspaceId,
            day: '2026-03-02',
            boardId: 'general',
            segment: 'enterprise',
            plan: 'pro',
            cast: 1,
            withdrawn: 1,
          },
        },
      ]);
      expect(changes.filter((c) => c.table === 'ballots')).toEqual([
        expect.objectContaining({ op: 'delete' }),
      ]);
    });

    it('gives the rollup that folding the events one by one gives', () => {
      expect(applyKpiBatch(before, events.slice(-2))).toEqual(given(...events));
    });
  });
});
