import fc from 'fast-check';
import { chorusEvents } from '../index';
import { kpiEventTypes, type KpiEvent } from './kpi-events';
import { everything, granularityArb, historyArb, queryArb } from './kpi-histories';
import {
  activeCustomers,
  backlogHealth,
  closedLoop,
  feedbackAgeing,
  feedbackVolume,
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
  type KpiQuery,
} from './kpi-queries';
import {
  referenceActiveCustomers,
  referenceBacklogHealth,
  referenceClosedLoop,
  referenceFeedbackAgeing,
  referenceFeedbackVolume,
  referenceLinkedShares,
  referenceResponseTimes,
  referenceRevenueByQuarter,
  referenceRoadmapProgress,
  referenceSprintVelocity,
  referenceStatusFunnel,
  referenceTopRequests,
  referenceUniqueVoters,
  referenceVotesOverTime,
} from './kpi-reference';
import {
  applyKpiBatch,
  evolveKpiRollup,
  initialKpiRollup,
  kpiCompaniesRead,
  kpiRowsRead,
  kpiRowWrites,
  type KpiRollup,
  type KpiTableName,
} from './kpi-rollup';

type Check = (
  rollup: KpiRollup,
  events: readonly KpiEvent[],
  query: KpiQuery,
  granularity: Granularity,
) => { projected: unknown; reference: unknown };

const kpis: [string, Check][] = [
  [
    'feedback volume',
    (r, e, q, g) => ({
      projected: feedbackVolume(r, q, g),
      reference: referenceFeedbackVolume(e, q, g),
    }),
  ],
  [
    'votes over time',
    (r, e, q, g) => ({
      projected: votesOverTime(r, q, g),
      reference: referenceVotesOverTime(e, q, g),
    }),
  ],
  [
    'unique voters',
    (r, e, q, g) => ({
      projected: uniqueVoters(r, q, g),
      reference: referenceUniqueVoters(e, q, g),
    }),
  ],
  [
    'active customers and companies',
    (r, e, q, g) => ({
      projected: activeCustomers(r, q, g),
      reference: referenceActiveCustomers(e, q, g),
    }),
  ],
  [
    'top requests by votes',
    (r, e, q) => ({
      projected: topRequests(r, q, 'votes', 5),
      reference: referenceTopRequests(e, q, 'votes', 5),
    }),
  ],
  [
    'top requests by revenue',
    (r, e, q) => ({
      projected: topRequests(r, q, 'revenue', 5),
      reference: referenceTopRequests(e, q, 'revenue', 5),
    }),
  ],
  [
    'time to first response and to triage',
    (r, e, q) => ({ projected: responseTimes(r, q), reference: referenceResponseTimes(e, q) }),
  ],
  [
    'status funnel',
    (r, e, q) => ({ projected: statusFunnel(r, q), reference: referenceStatusFunnel(e, q) }),
  ],
  [
    'feedback ageing',
    (r, e, q) => ({ projected: feedbackAgeing(r, q), reference: referenceFeedbackAgeing(e, q) }),
  ],
  [
    'share linked to backlog and roadmap',
    (r, e, q) => ({ projected: linkedShares(r, q), reference: referenceLinkedShares(e, q) }),
  ],
  [
    'closed-loop rate and lead time',
    (r, e, q) => ({ projected: closedLoop(r, q), reference: referenceClosedLoop(e, q) }),
  ],
  [
    'revenue at stake and delivered per quarter',
    (r, e, q) => ({
      projected: revenueByQuarter(r, q),
      reference: referenceRevenueByQuarter(e, q),
    }),
  ],
  [
    'sprint velocity, throughput and carry-over',
    (r, e, q, g) => ({
      projected: sprintVelocity(r, q, g),
      reference: referenceSprintVelocity(e, q, g),
    }),
  ],
  [
    'backlog health',
    (r, e, q) => ({ projected: backlogHealth(r, q), reference: referenceBacklogHealth(e, q) }),
  ],
  [
    'roadmap progress',
    (r, e, q) => ({ projected: roadmapProgress(r, q), reference: referenceRoadmapProgress(e, q) }),
  ],
];

const project = (events: readonly KpiEvent[]) => events.reduce(evolveKpiRollup, initialKpiRollup());

/** The rollup as plain sorted data, so two rollups compare equal whatever their Maps' order. */
const tablesOf = (rollup: KpiRollup) =>
  Object.fromEntries(
    Object.entries(rollup).map(([table, rows]: [string, ReadonlyMap<string, unknown>]) => [
      table,
      [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ]),
  );

/**
 * A failure found is shrunk for at most a while: a smaller counterexample helps, a CI job that
 * shrinks 250-action histories for ten minutes does not. Passing runs take about a second.
 */
const settings = { numRuns: 100, plugins: [fc.interruptAfterTimeLimit(30_000)] };

describe('KPI properties over random valid histories', () => {
  it('generates histories that exercise every event type a KPI reads', () => {
    const seen = new Set(
      fc
        .sample(historyArb, { numRuns: 60, seed: 42 })
        .flat()
        .map((e) => e.type),
    );
    expect(kpiEventTypes.filter((type) => !seen.has(type))).toEqual([]);
  });

  it('generates only events their schemas accept', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        for (const { type, data } of events) {
          const v1 =
            (type === 'FeedbackSubmitted' && !('statusId' in data)) ||
            (type === 'FeedbackStatusChanged' && !('toKind' in data)) ||
            (type === 'VoteCast' && !('source' in data));
          expect(() =>
            chorusEvents.parse(type, v1 ? 1 : chorusEvents.schemaVersionOf(type), data),
          ).not.toThrow();
        }
      }),
      { ...settings, numRuns: 50 },
    );
  });

  it.each(kpis)('%s: the incremental rollup answers like the reference fold', (_name, check) => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(queryArb, { minLength: 1, maxLength: 3 }),
        granularityArb,
        (events, queries, granularity) => {
          const rollup = project(events);
          for (const query of [everything, ...queries]) {
            const { projected, reference } = check(rollup, events, query, granularity);
            expect(projected).toEqual(reference);
          }
        },
      ),
      settings,
    );
  });

  it('gives the same rollup whether the log is folded event by event or written in batches', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { maxLength: 12 }), (events, cuts) => {
        const bounds = [...new Set(cuts.map((cut) => cut % (events.length + 1)))].sort(
          (a, b) => a - b,
        );
        const edges = [0, ...bounds, events.length];
        const batches = edges.slice(1).map((end, i) => events.slice(edges[i], end));
        const byEvent = tablesOf(project(events));
        expect(tablesOf(batches.reduce(applyKpiBatch, initialKpiRollup()))).toEqual(byEvent);
        expect(tablesOf(applyKpiBatch(initialKpiRollup(), events))).toEqual(byEvent);
      }),
      settings,
    );
  });

  it('decides each batch from only the rows it reads and writes, as the SQL projection loads them', () => {
    const only = (state: KpiRollup, keys: Partial<Record<KpiTableName, Iterable<string>>>) =>
      Object.fromEntries(
        Object.entries(state).map(([table, rows]: [string, ReadonlyMap<string, unknown>]) => {
          const wanted = [...(keys[table as KpiTableName] ?? [])];
          return [table, new Map(wanted.flatMap((k) => (rows.has(k) ? [[k, rows.get(k)]] : [])))];
        }),
      ) as unknown as KpiRollup;
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { maxLength: 12 }), (events, cuts) => {
        const bounds = [...new Set(cuts.map((cut) => cut % (events.length + 1)))].sort(
          (a, b) => a - b,
        );
        const edges = [0, ...bounds, events.length];
        let state = initialKpiRollup();
        for (const batch of edges.slice(1).map((end, i) => events.slice(edges[i], end))) {
          const reads = kpiRowsRead(batch);
          const customers = reads.customers.flatMap((id) => {
            const row = state.customers.get(id);
            return row ? [row] : [];
          });
          const read = { ...reads, companies: kpiCompaniesRead(customers, batch) };
          const touched: Partial<Record<KpiTableName, Set<string>>> = {};
          for (const { table, key } of kpiRowWrites(only(state, read), batch)) {
            touched[table] = (touched[table] ?? new Set()).add(key);
          }
          const keys = Object.fromEntries(
            Object.entries(read).map(([t, ks]) => [
              t,
              [...ks, ...(touched[t as KpiTableName] ?? [])],
            ]),
          );
          for (const [t, ks] of Object.entries(touched)) keys[t] ??= [...ks];
          const writes = kpiRowWrites(only(state, keys), batch);
          const next = Object.fromEntries(
            Object.entries(state).map(([t, rows]: [string, ReadonlyMap<string, unknown>]) => [
              t,
              new Map(rows),
            ]),
          ) as Record<string, Map<string, unknown>>;
          for (const { table, key, row } of writes) {
            if (row === null) next[table]?.delete(key);
            else next[table]?.set(key, row);
          }
          state = next as unknown as KpiRollup;
        }
        expect(tablesOf(state)).toEqual(tablesOf(project(events)));
      }),
      settings,
    );
  });
});
