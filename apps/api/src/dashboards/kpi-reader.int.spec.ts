import fc from 'fast-check';
import {
  activeCustomers,
  backlogHealth,
  closedLoop,
  evolveKpiRollup,
  feedbackAgeing,
  feedbackVolume,
  initialKpiRollup,
  linkedShares,
  responseTimes,
  revenueByQuarter,
  roadmapProgress,
  sprintVelocity,
  statusFunnel,
  topRequests,
  uniqueVoters,
  votesOverTime,
  type Granularity,
  type KpiEvent,
  type KpiQuery,
  type KpiRollup,
} from '@chorus/domain';
import { everything, granularityArb, historyArb, queryArb } from '@chorus/domain/kpi-histories';
import { PostgresEventStore, rebuildProjection } from '@chorus/event-store';
import {
  createTestDatabase,
  historyWorkspaces,
  recordHistory,
  type TestDatabase,
} from '@chorus/event-store/testing';
import { projections } from '@chorus/worker';
import { KpiReader, type DrillTarget } from './kpi-reader';

const fold = (events: readonly KpiEvent[]): KpiRollup =>
  events.reduce(evolveKpiRollup, initialKpiRollup());

type Answers = (
  source: { rollup: KpiRollup } | { reader: KpiReader },
  query: KpiQuery,
  granularity: Granularity,
) => Promise<unknown>;

/** Each KPI asked of the pure queries over a fold, or of the reader over the projected tables. */
const kpis: Record<string, Answers> = {
  feedbackVolume: async (source, query, granularity) =>
    'rollup' in source
      ? feedbackVolume(source.rollup, query, granularity)
      : source.reader.feedbackVolume(query, granularity),
  votesOverTime: async (source, query, granularity) =>
    'rollup' in source
      ? votesOverTime(source.rollup, query, granularity)
      : source.reader.votesOverTime(query, granularity),
  uniqueVoters: async (source, query, granularity) =>
    'rollup' in source
      ? uniqueVoters(source.rollup, query, granularity)
      : source.reader.uniqueVoters(query, granularity),
  activeCustomers: async (source, query, granularity) =>
    'rollup' in source
      ? activeCustomers(source.rollup, query, granularity)
      : source.reader.activeCustomers(query, granularity),
  topByVotes: async (source, query) =>
    'rollup' in source
      ? topRequests(source.rollup, query, 'votes', 5)
      : source.reader.topRequests(query, 'votes', 5),
  topByRevenue: async (source, query) =>
    'rollup' in source
      ? topRequests(source.rollup, query, 'revenue', 5)
      : source.reader.topRequests(query, 'revenue', 5),
  responseTimes: async (source, query) =>
    'rollup' in source ? responseTimes(source.rollup, query) : source.reader.responseTimes(query),
  statusFunnel: async (source, query) =>
    'rollup' in source ? statusFunnel(source.rollup, query) : source.reader.statusFunnel(query),
  feedbackAgeing: async (source, query) =>
    'rollup' in source ? feedbackAgeing(source.rollup, query) : source.reader.feedbackAgeing(query),
  linkedShares: async (source, query) =>
    'rollup' in source ? linkedShares(source.rollup, query) : source.reader.linkedShares(query),
  closedLoop: async (source, query) =>
    'rollup' in source ? closedLoop(source.rollup, query) : source.reader.closedLoop(query),
  revenueByQuarter: async (source, query) =>
    'rollup' in source
      ? revenueByQuarter(source.rollup, query)
      : source.reader.revenueByQuarter(query),
  sprintVelocity: async (source, query, granularity) =>
    'rollup' in source
      ? sprintVelocity(source.rollup, query, granularity)
      : source.reader.sprintVelocity(query, granularity),
  backlogHealth: async (source, query) =>
    'rollup' in source ? backlogHealth(source.rollup, query) : source.reader.backlogHealth(query),
  roadmapProgress: async (source, query) =>
    'rollup' in source
      ? roadmapProgress(source.rollup, query)
      : source.reader.roadmapProgress(query),
};

/** Each drill-down's total with the number it stands behind, as the pure queries count it. */
const drillTotals = async (
  reader: KpiReader,
  storedQuery: KpiQuery,
  rollup: KpiRollup,
  query: KpiQuery,
): Promise<[string, number, number][]> => {
  const funnel = statusFunnel(rollup, query);
  const times = responseTimes(rollup, query);
  const linked = linkedShares(rollup, query);
  const loop = closedLoop(rollup, query);
  const health = backlogHealth(rollup, query);
  const stage = (name: string) => funnel.stages.find((s) => s.stage === name)?.count ?? 0;
  const expectations: [DrillTarget, number][] = [
    [{ kind: 'submitted' }, stage('submitted')],
    [{ kind: 'triaged' }, stage('triaged')],
    [{ kind: 'planned' }, stage('planned')],
    [{ kind: 'done' }, stage('done')],
    [{ kind: 'unanswered' }, times.unanswered],
    [{ kind: 'untriaged' }, times.untriaged],
    ...[...new Set(funnel.byStatus.map((s) => s.statusId))].map(
      (statusId): [DrillTarget, number] => [
        { kind: 'status', statusId },
        funnel.byStatus.filter((s) => s.statusId === statusId).reduce((n, s) => n + s.count, 0),
      ],
    ),
    ...feedbackAgeing(rollup, query).buckets.map(({ bucket, count }): [DrillTarget, number] => [
      { kind: 'ageing', bucket },
      count,
    ]),
    [{ kind: 'linked' }, linked.backlog.numerator],
    [{ kind: 'roadmap' }, linked.roadmap.numerator],
    [{ kind: 'delivered' }, loop.closedLoop.denominator],
    [{ kind: 'notified' }, loop.closedLoop.numerator],
    [{ kind: 'waiting' }, health.items],
    [{ kind: 'ready' }, health.ready.numerator],
    ...sprintVelocity(rollup, query, 'day').sprints.map((s): [DrillTarget, number] => [
      { kind: 'sprint', sprintId: s.sprintId },
      s.acceptedItems,
    ]),
    ...roadmapProgress(rollup, query).map((i): [DrillTarget, number] => [
      { kind: 'initiative', initiativeId: i.initiativeId },
      i.progress.itemCount,
    ]),
  ];
  return Promise.all(
    expectations.map(async ([target, expected]): Promise<[string, number, number]> => [
      JSON.stringify(target),
      (await reader.drill(storedQuery, target, null, 1)).total,
      expected,
    ]),
  );
};

describe('KpiReader', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const kpisProjection = projections.find((p) => p.name === 'kpis');

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  const reader = (asOf: string | null) =>
    new KpiReader((sql, params) => db.dataSource.query(sql, params), asOf);
  /** The pure rollup names workspaces as the generator does; the tables hold their uuids. */
  const stored = (query: KpiQuery): KpiQuery => ({
    ...query,
    workspaceId: historyWorkspaces[query.workspaceId] ?? '',
  });
  const pure = (query: KpiQuery): KpiQuery => query;

  it('answers every KPI as the pure queries do, now and as of any moment', async () => {
    if (!kpisProjection) throw new Error('The worker runs no kpis projection');
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.array(queryArb, { minLength: 1, maxLength: 2 }),
        granularityArb,
        fc.nat(),
        async (events, queries, granularity, cut) => {
          await recordHistory(db.dataSource, events);
          await rebuildProjection(db.dataSource, store, kpisProjection, 40);
          const asOf = events[cut % events.length]?.occurredAt ?? null;
          const moments: [string | null, KpiRollup][] = [
            [null, fold(events)],
            [asOf, fold(events.filter((e) => asOf !== null && e.occurredAt <= asOf))],
          ];
          for (const [at, rollup] of moments) {
            for (const query of [everything, ...queries]) {
              for (const [kpi, answer] of Object.entries(kpis)) {
                const expected = await answer({ rollup }, pure(query), granularity);
                const actual = await answer({ reader: reader(at) }, stored(query), granularity);
                expect({ kpi, at, query, actual }).toEqual({ kpi, at, query, actual: expected });
              }
              const drilled = await drillTotals(reader(at), stored(query), rollup, pure(query));
              expect({ at, query, drilled }).toEqual({
                at,
                query,
                drilled: drilled.map(([kind, , n]) => [kind, n, n]),
              });
            }
          }
        },
      ),
      { numRuns: 10, endOnFailure: true },
    );
  });
});
