import fc from 'fast-check';
import {
  evolveKpiRollup,
  initialKpiRollup,
  kpiRowKey,
  type KpiEvent,
  type KpiRollup,
  type KpiTableName,
} from '@chorus/domain';
import { historyArb } from '@chorus/domain/kpi-histories';
import {
  PostgresEventStore,
  kpiRowOf,
  kpiTables,
  rebuildProjection,
  selectKpiRows,
} from '@chorus/event-store';
import {
  createTestDatabase,
  historyWorkspaces,
  recordHistory,
  type TestDatabase,
} from '@chorus/event-store/testing';
import { kpisProjection } from './kpis.projection';

const workspaceName = Object.fromEntries(Object.entries(historyWorkspaces).map(([k, v]) => [v, k]));

const tableNames = Object.keys(kpiTables) as KpiTableName[];

const fold = (events: readonly KpiEvent[]): KpiRollup =>
  events.reduce(evolveKpiRollup, initialKpiRollup());

/** Each table as sorted [key, row] pairs: how two rollups are compared. */
const tablesOf = (rollup: KpiRollup) =>
  Object.fromEntries(
    tableNames.map((name) => [
      name,
      [...(rollup[name] as ReadonlyMap<string, unknown>).entries()].sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      ),
    ]),
  );

describe('kpis projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  /** The rows live at `asOf` (or now), read back into the rollup's shape. */
  const stored = async (asOf?: string): Promise<KpiRollup> => {
    const rollup: Record<string, Map<string, unknown>> = {};
    for (const name of tableNames) {
      const records = await db.dataSource.query<Record<string, unknown>[]>(
        selectKpiRows(name, asOf ? '$1::timestamptz' : null, 'TRUE'),
        asOf ? [asOf] : [],
      );
      const rows = records.map((record) => {
        const row = kpiRowOf(name, record) as Record<string, unknown>;
        return { ...row, workspaceId: workspaceName[row.workspaceId as string] };
      });
      const keyOf = kpiRowKey[name] as (row: unknown) => string;
      rollup[name] = new Map(rows.map((row) => [keyOf(row), row]));
    }
    return rollup as unknown as KpiRollup;
  };

  it('keeps, for random histories and batch sizes, the rollup of the whole log and of every moment of it', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        async (events, batchSize, cuts) => {
          await db.dataSource.query('TRUNCATE events');
          await recordHistory(db.dataSource, events);
          await rebuildProjection(db.dataSource, store, kpisProjection, batchSize);
          expect(tablesOf(await stored())).toEqual(tablesOf(fold(events)));
          for (const cut of cuts) {
            const asOf = events[cut % events.length]?.occurredAt ?? '';
            const then = fold(events.filter((e) => e.occurredAt <= asOf));
            expect({ asOf, tables: tablesOf(await stored(asOf)) }).toEqual({
              asOf,
              tables: tablesOf(then),
            });
          }
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
