import { projections } from '@chorus/worker';
import { PostgresEventStore, catchUp, rebuildProjection } from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, seedDemoWorkspace } from './demo-seed';

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
    await seedDemoWorkspace(db.dataSource, 'chorus_demo_test_token', {
      adminPassword: DEMO_ADMIN_PASSWORD,
    });
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

  it('lets the demo admin sign in with the printed password, stored only as an argon2id hash', async () => {
    const [admin] = await db.dataSource.query<{ password_hash: string }[]>(
      `SELECT password_hash FROM users WHERE email = $1`,
      [DEMO_ADMIN_EMAIL],
    );
    expect(admin?.password_hash).toMatch(/^\$argon2id\$/);
    expect(admin?.password_hash).not.toContain(DEMO_ADMIN_PASSWORD);
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

  it('has run the planning loop: initiatives, ranked stories, sprints in every state, a published release', async () => {
    const count = (sql: string) =>
      db.dataSource.query<{ n: number }[]>(sql).then((rows) => rows[0]!.n);
    expect(
      await count(`SELECT count(*)::int AS n FROM initiatives WHERE visibility = 'public'`),
    ).toBe(3);
    expect(await count(`SELECT count(*)::int AS n FROM backlog_items WHERE kind = 'epic'`)).toBe(3);
    expect(
      await count(`SELECT count(*)::int AS n FROM backlog_items WHERE NOT ready`),
    ).toBeGreaterThan(3);
    const sprints = await db.dataSource.query<{ name: string; state: string }[]>(
      `SELECT name, state FROM sprints ORDER BY name`,
    );
    expect(sprints).toEqual([
      { name: 'Sprint 1', state: 'completed' },
      { name: 'Sprint 2', state: 'active' },
      { name: 'Sprint 3', state: 'planned' },
    ]);
    const statuses = await db.dataSource.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM backlog_items WHERE kind = 'story' GROUP BY status ORDER BY status`,
    );
    expect(Object.fromEntries(statuses.map((r) => [r.status, r.n]))).toMatchObject({
      released: 2,
      accepted: 1,
      done: 1,
      in_review: 1,
      in_progress: 1,
      todo: 1,
    });
    // Stories answering voted feedback have a live score.
    expect(
      await count(`SELECT count(*)::int AS n FROM backlog_scores WHERE votes > 0 AND score > 0`),
    ).toBeGreaterThan(5);
  });

  it('closed the loop for the published release: its feedback is done and everyone who asked was notified once', async () => {
    const [release] = await db.dataSource.query<{ id: string; state: string }[]>(
      `SELECT id, state FROM releases WHERE name = 'Reporting 1.0'`,
    );
    expect(release?.state).toBe('published');
    const shipped = await db.dataSource.query<{ feedback_id: string; status: string }[]>(
      `SELECT f.feedback_id, f.status FROM backlog_items i
       JOIN backlog_item_feedback l ON l.item_id = i.id
       JOIN feedback_list f ON f.feedback_id = l.feedback_id
       WHERE i.release_id = $1`,
      [release!.id],
    );
    expect(shipped).toHaveLength(2);
    for (const row of shipped) expect(row.status).toBe('done');
    const [people] = await db.dataSource.query<{ asked: number; notified: number; max: number }[]>(
      `SELECT
         (SELECT count(DISTINCT p) FROM (
            SELECT voter_id AS p FROM feedback_ballots WHERE feedback_id = ANY($2::uuid[])
            UNION SELECT author_id FROM feedback_list WHERE feedback_id = ANY($2::uuid[])) asked)::int AS asked,
         (SELECT count(DISTINCT person_id) FROM notifications WHERE release_id = $1)::int AS notified,
         (SELECT max(n) FROM (SELECT count(*) AS n FROM notifications WHERE release_id = $1
            GROUP BY person_id) per_person)::int AS max`,
      [release!.id, shipped.map((r) => r.feedback_id)],
    );
    expect(people!.notified).toBeGreaterThan(0);
    expect(people!.notified).toBe(people!.asked);
    expect(people!.max).toBe(1);
  });

  it('shows planning read models equal to a from-scratch rebuild', async () => {
    const planning = () =>
      Promise.all(
        [
          `SELECT id, status, sprint_id, release_id, ready, rank FROM backlog_items ORDER BY id`,
          `SELECT item_id, score, votes, revenue_cents FROM backlog_scores ORDER BY item_id`,
          `SELECT id, state FROM sprints ORDER BY id`,
          `SELECT id, lane, quarter FROM initiatives ORDER BY id`,
          `SELECT id, state, item_ids FROM releases ORDER BY id`,
          `SELECT person_id, release_id, feedback_ids FROM notifications ORDER BY person_id, release_id`,
        ].map((sql) => db.dataSource.query(sql)),
      );
    const projected = await planning();
    const store = new PostgresEventStore(db.dataSource);
    for (const projection of projections) {
      await rebuildProjection(db.dataSource, store, projection);
    }
    expect(await planning()).toEqual(projected);
  });

  it('keeps every version of the KPI rollup equal to a from-scratch rebuild', async () => {
    const kpis = projections.find((p) => p.name === 'kpis')!;
    const versions = () =>
      Promise.all(
        kpis.tables.map((table) =>
          db.dataSource.query(`SELECT * FROM ${table} t ORDER BY t::text`),
        ),
      );
    const projected = await versions();
    expect(projected.flat().length).toBeGreaterThan(5000);
    await rebuildProjection(db.dataSource, new PostgresEventStore(db.dataSource), kpis);
    expect(await versions()).toEqual(projected);
  });
});
