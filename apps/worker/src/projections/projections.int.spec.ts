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
import { snapshot, writeHistory } from '../testing/history';
import { feedbackListProjection } from './feedback-list/feedback-list.projection';

describe('projections over a real Postgres', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await writeHistory(store, 40, 12);
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

  it('counts standing votes and distinct voters per feedback', async () => {
    const rows = await db.dataSource.query<
      { vote_count: number; voter_count: number; ballots: number }[]
    >(
      `SELECT f.vote_count, f.voter_count, (SELECT count(*)::int FROM feedback_ballots b WHERE b.feedback_id = f.feedback_id) AS ballots
       FROM feedback_list f`,
    );
    for (const row of rows) {
      expect(row.vote_count).toBe(row.ballots);
      expect(row.voter_count).toBeGreaterThanOrEqual(row.vote_count);
    }
    const totals = rows.reduce((sum, r) => sum + r.vote_count, 0);
    const [{ standing }] = await db.dataSource.query<[{ standing: string }]>(
      `SELECT (SELECT count(*) FROM events WHERE type = 'VoteCast') - (SELECT count(*) FROM events WHERE type = 'VoteWithdrawn') AS standing`,
    );
    expect(totals).toBe(Number(standing));
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
