import {
  PostgresEventStore,
  ProjectionRunner,
  applyNextBatch,
  catchUp,
  rebuildProjection,
  type Projection,
} from '@chorus/event-store';
import { createTestDatabase, eventually, type TestDatabase } from '@chorus/event-store/testing';
import { projections } from './index';
import { snapshot, writeCustomerHistory, writeHistory } from '../testing/history';
import { feedbackListProjection } from './feedback-list/feedback-list.projection';

describe('projections over a real Postgres', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let merged: Awaited<ReturnType<typeof writeCustomerHistory>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    merged = await writeCustomerHistory(store, await writeHistory(store, 40, 12));
  });
  afterAll(() => db.drop());

  it('replays a batch that crashed half-applied and ends with the same rows as a rebuild', async () => {
    const crashingMidBatch: Projection = {
      ...feedbackListProjection,
      applyBatch: async (tx, events) => {
        await feedbackListProjection.applyBatch(tx, events.slice(0, Math.floor(events.length / 2)));
        // The connection dies mid-transaction, as if the worker were killed.
        await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      },
    };
    await applyNextBatch(db.dataSource, store, feedbackListProjection, 50);
    await expect(applyNextBatch(db.dataSource, store, crashingMidBatch, 100)).rejects.toThrow();
    for (const projection of projections) await catchUp(db.dataSource, store, projection, 64);
    const replayed = await snapshot(db);

    for (const projection of projections) await rebuildProjection(db.dataSource, store, projection);
    const rebuilt = await snapshot(db);

    expect(replayed.list.length).toBe(40);
    expect(replayed).toEqual(rebuilt);
  });

  it('counts the same demand whatever the batches, merges and company changes fall into', async () => {
    const rebuilt = await snapshot(db);
    for (const batchSize of [1, 3, 17, 500]) {
      await rebuildProjection(db.dataSource, store, feedbackListProjection, batchSize);
      expect({ batchSize, ...(await snapshot(db)) }).toEqual({ batchSize, ...rebuilt });
    }
  });

  it('counts standing votes per feedback, outside merges', async () => {
    const rows = await db.dataSource.query<{ vote_count: number; ballots: number }[]>(
      `SELECT f.vote_count, (SELECT count(*)::int FROM feedback_ballots b WHERE b.feedback_id = f.feedback_id) AS ballots
       FROM feedback_list f WHERE f.duplicate_count = 0`,
    );
    expect(rows.length).toBe(39);
    for (const row of rows) expect(row.vote_count).toBe(row.ballots);
  });

  it('counts a merge as one set of voters, revenue of their distinct companies and live public comments', async () => {
    const rows = await db.dataSource.query<
      {
        feedback_id: string;
        vote_count: number;
        revenue_cents: string;
        comment_count: number;
        merged_into: string | null;
      }[]
    >(
      `SELECT feedback_id, vote_count, revenue_cents, comment_count, merged_into FROM feedback_list
       WHERE feedback_id = ANY($1::uuid[])`,
      [[merged.survivor, merged.duplicate]],
    );
    const survivor = rows.find((r) => r.feedback_id === merged.survivor)!;
    const duplicate = rows.find((r) => r.feedback_id === merged.duplicate)!;
    const [own] = await db.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM feedback_ballots WHERE feedback_id = $1 AND voter_id LIKE 'voter-%'`,
      [merged.survivor],
    );
    // The survivor's own voters, plus customers 0, 1 (on both) and 2 (duplicate only), once each.
    expect(survivor.vote_count).toBe(own.n + 3);
    // Acme (5,000.00) and Globex after its upgrade (2,000.00), each counted once.
    expect(Number(survivor.revenue_cents)).toBe(700_000);
    // One public comment on the survivor; the duplicate's was deleted and its other is internal.
    expect(survivor.comment_count).toBe(1);
    expect(duplicate.merged_into).toBe(merged.survivor);
  });

  it('keeps running: new events reach the read model after a notification', async () => {
    const runner = new ProjectionRunner(db.dataSource, db.url, projections, { idleWaitMs: 60_000 });
    await runner.start();
    try {
      const [feedbackId] = await writeHistory(store, 1, 3);
      await eventually(async () => {
        const rows = await db.dataSource.query<{ vote_count: number }[]>(
          `SELECT vote_count FROM feedback_list WHERE feedback_id = $1`,
          [feedbackId],
        );
        expect(rows[0]?.vote_count).toBe(2);
      }, 5_000);
    } finally {
      await runner.stop();
    }
  });
});
