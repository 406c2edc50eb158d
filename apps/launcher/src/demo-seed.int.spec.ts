import { projections } from '@chorus/worker';
import { PostgresEventStore, catchUp, rebuildProjection } from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { seedDemoWorkspace } from './demo-seed';

type Row = Record<string, unknown>;

describe('the demo workspace', () => {
  let db: TestDatabase;
  const snapshot = () =>
    db.dataSource.query<Row[]>(
      `SELECT feedback_id, board_id, category_id, status, tags, moderation, spam, merged_into, duplicate_count, vote_count,
         revenue_cents, comment_count, first_response_at FROM feedback_list ORDER BY feedback_id`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoWorkspace(db.dataSource, 'chorus_demo_test_token');
    const store = new PostgresEventStore(db.dataSource);
    for (const projection of projections) await catchUp(db.dataSource, store, projection);
  });
  afterAll(() => db.drop());

  it('covers what a Product Owner triages: boards, tags, companies with MRR, comments, duplicates, moderation and spam', async () => {
    const [stats] = await db.dataSource.query<Row[]>(
      `SELECT
         count(*) FILTER (WHERE board_id <> 'general')::int AS on_other_boards,
         count(*) FILTER (WHERE category_id IS NOT NULL)::int AS categorised,
         count(*) FILTER (WHERE cardinality(tags) > 0)::int AS tagged,
         count(*) FILTER (WHERE revenue_cents > 0)::int AS with_revenue,
         count(*) FILTER (WHERE comment_count > 0)::int AS commented,
         count(*) FILTER (WHERE merged_into IS NOT NULL)::int AS merged,
         count(*) FILTER (WHERE moderation = 'pending')::int AS pending,
         count(*) FILTER (WHERE spam)::int AS spam,
         count(*) FILTER (WHERE captured_by IS NOT NULL)::int AS captured,
         count(*) FILTER (WHERE status = 'needs_info')::int AS custom_status
       FROM feedback_list`,
    );
    expect(Object.keys(stats!)).toHaveLength(10);
    expect(stats).toMatchObject({ merged: 3, spam: 2 });
    for (const [key, value] of Object.entries(stats!)) {
      expect([key, typeof value === 'number' && value > 0]).toEqual([key, true]);
    }
    const [companies] = await db.dataSource.query<Row[]>(
      `SELECT count(*)::int AS n, min(mrr_cents)::int AS min FROM companies`,
    );
    expect(companies?.n).toBe(20);
    expect(companies?.min).toBeGreaterThan(0);
  });

  it('ranks by revenue differently from votes, as when a few large accounts want something', async () => {
    const top = (column: string) =>
      db.dataSource.query<{ feedback_id: string; revenue_cents: string }[]>(
        `SELECT feedback_id, revenue_cents FROM feedback_list WHERE merged_into IS NULL AND NOT spam
         ORDER BY ${column} DESC, feedback_id LIMIT 10`,
      );
    const [byVotes, byRevenue] = [await top('vote_count'), await top('revenue_cents')];
    expect(byRevenue.map((r) => r.feedback_id)).not.toEqual(byVotes.map((r) => r.feedback_id));
    expect(new Set(byRevenue.map((r) => r.revenue_cents)).size).toBeGreaterThan(5);
    const [total] = await db.dataSource.query<{ cents: string }[]>(
      `SELECT sum(mrr_cents) AS cents FROM companies`,
    );
    // Even the most wanted requests come from some of the companies, not all of them.
    for (const row of byVotes) expect(Number(row.revenue_cents)).toBeLessThan(Number(total!.cents));
  });

  it('shows numbers equal to a from-scratch rebuild of the read models', async () => {
    const projected = await snapshot();
    const store = new PostgresEventStore(db.dataSource);
    for (const projection of projections) {
      await rebuildProjection(db.dataSource, store, projection);
    }
    expect(await snapshot()).toEqual(projected);
  });

  it('counts a merged survivor as the distinct voters of both halves', async () => {
    const rows = await db.dataSource.query<{ vote_count: number; distinct_voters: number }[]>(
      `SELECT s.vote_count, (
         SELECT count(DISTINCT b.voter_id)::int FROM feedback_ballots b
         WHERE b.feedback_id = s.feedback_id
            OR b.feedback_id IN (SELECT feedback_id FROM feedback_list d WHERE d.merged_into = s.feedback_id)
       ) AS distinct_voters
       FROM feedback_list s WHERE s.duplicate_count > 0`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.vote_count).toBe(row.distinct_voters);
  });
});
