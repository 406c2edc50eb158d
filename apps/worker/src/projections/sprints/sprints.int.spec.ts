import { randomUUID } from 'node:crypto';
import {
  LOG_START,
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { sprintsProjection } from './sprints.projection';

type Row = {
  id: string;
  workspace_id: string;
  name: string;
  goal: string;
  start_date: string;
  end_date: string;
  capacity: string;
  state: string;
  accepted_item_ids: string[];
  created_at: string;
  updated_at: string;
  version: number;
};

describe('sprints projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const otherWorkspaceId = randomUUID();
  const [done, carried, planned] = [randomUUID(), randomUUID(), randomUUID()];
  const [accepted, unfinished] = [randomUUID(), randomUUID()];
  const teammate = 'user-teammate';
  let when = Date.parse('2027-01-03T09:00:00.000Z');
  const context = (workspace = workspaceId): CommandContext => ({
    workspaceId: workspace,
    actorId: teammate,
    correlationId: randomUUID(),
    occurredAt: new Date((when += 60_000)).toISOString(),
  });
  const created = (sprintId: string, name: string, startDate: string, endDate: string) => ({
    type: 'SprintCreated',
    data: { sprintId, name, goal: '', startDate, endDate, capacity: 30, by: teammate },
  });
  const rows = () =>
    db.dataSource.query<Row[]>(
      `SELECT id, workspace_id, name, goal, start_date::text AS start_date, end_date::text AS end_date,
         capacity::text AS capacity, state, accepted_item_ids::text[] AS accepted_item_ids,
         created_at::text AS created_at, updated_at::text AS updated_at, version
       FROM sprints ORDER BY id`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await store.append(
      `sprint-${done}`,
      0,
      [created(done, 'Sprint 1', '2027-01-04', '2027-01-15')],
      context(),
    );
    await store.append(
      `sprint-${planned}`,
      0,
      [created(planned, 'Sprint 3', '2027-02-01', '2027-02-12')],
      context(otherWorkspaceId),
    );
    await store.append(
      `sprint-${done}`,
      1,
      [
        {
          type: 'SprintEdited',
          data: { sprintId: done, goal: 'Dark mode', capacity: 27.5, by: teammate },
        },
        { type: 'SprintStarted', data: { sprintId: done, by: teammate } },
      ],
      context(),
    );
    await store.append(
      `sprint-${carried}`,
      0,
      [
        created(carried, 'Sprint 2', '2027-01-18', '2027-01-29'),
        { type: 'SprintStarted', data: { sprintId: carried, by: teammate } },
      ],
      context(),
    );
    await store.append(
      `sprint-${done}`,
      3,
      [
        {
          type: 'SprintCompleted',
          data: {
            sprintId: done,
            acceptedItemIds: [accepted],
            carriedOver: [{ itemId: unfinished, to: carried }],
            by: teammate,
          },
        },
      ],
      context(),
    );
    await catchUp(db.dataSource, store, sprintsProjection);
  });
  afterAll(() => db.drop());

  it('keeps each sprint as its stream left it, in its workspace', async () => {
    const all = await rows();
    expect(all.find((r) => r.id === done)).toMatchObject({
      workspace_id: workspaceId,
      name: 'Sprint 1',
      goal: 'Dark mode',
      start_date: '2027-01-04',
      end_date: '2027-01-15',
      capacity: '27.5',
      state: 'completed',
      accepted_item_ids: [accepted],
      version: 4,
    });
    expect(all.find((r) => r.id === carried)).toMatchObject({
      state: 'active',
      accepted_item_ids: [],
      version: 2,
    });
    expect(all.find((r) => r.id === planned)).toMatchObject({
      workspace_id: otherWorkspaceId,
      state: 'planned',
      version: 1,
    });
  });

  it('stamps when a sprint was created and last changed', async () => {
    const row = (await rows()).find((r) => r.id === done)!;
    expect(Date.parse(row.updated_at)).toBeGreaterThan(Date.parse(row.created_at));
  });

  it('ends with the same rows whatever the batch size, and when a batch is replayed', async () => {
    const whole = await rows();
    expect(whole).toHaveLength(3);
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, sprintsProjection, batchSize);
      expect({ batchSize, rows: await rows() }).toEqual({ batchSize, rows: whole });
    }
    // An early batch applied again (a crash before its checkpoint) must not roll sprints back.
    const events = await store.readLog(LOG_START, 1000);
    await db.dataSource.transaction((tx) => sprintsProjection.applyBatch(tx, events.slice(0, 3)));
    expect(await rows()).toEqual(whole);
  });
});
