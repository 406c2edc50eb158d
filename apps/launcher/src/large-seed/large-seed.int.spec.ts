import { createHash } from 'node:crypto';
import {
  catalogDecider,
  chorusEvents,
  evolveBacklogItem,
  evolveFeedback,
  whyNotReady,
  whyTransitionIsIllegal,
  whyVotingIsClosed,
  type BacklogItem,
  type BacklogItemEvent,
  type Catalog,
  type CatalogEvent,
  type EventMetadata,
  type Feedback,
  type FeedbackEvent,
} from '@chorus/domain';
import { PostgresEventStore, catchUp, unsealPersonalData } from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { projections } from '@chorus/worker';
import { DEFAULT_ANCHOR, LargeHistory, type LargeSeedOptions } from './history';
import { seedLargeWorkspace, type LargeSeedResult } from './seed';

type LoggedEvent = {
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
};

const options: LargeSeedOptions = { seed: 7, scale: 0.002, anchor: DEFAULT_ANCHOR };

/** The log as readers see it: personal data opened with each database's own keys. */
const readLog = async (db: TestDatabase) =>
  unsealPersonalData(
    db.dataSource,
    await db.dataSource.query<(LoggedEvent & { workspaceId: string })[]>(
      `SELECT stream_id, version, event_id, type, schema_version, data, metadata,
         workspace_id AS "workspaceId"
       FROM events ORDER BY transaction_id, global_position`,
    ),
  );

const fingerprint = (events: readonly LoggedEvent[]) =>
  events
    .reduce(
      (hash, e) =>
        hash.update(
          JSON.stringify([e.stream_id, e.version, e.event_id, e.type, e.data, e.metadata]),
        ),
      createHash('sha256'),
    )
    .digest('hex');

const countsOf = (history: LargeHistory) => {
  for (const event of history.events()) void event;
  const of = (type: string) => history.totals.byType.get(type) ?? 0;
  return {
    companies: of('CompanyCreated'),
    customers: of('CustomerCreated'),
    feedback: of('FeedbackSubmitted'),
    votes: of('VoteCast'),
  };
};

describe('npm run seed:large', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let seeded: LargeSeedResult;
  let log: LoggedEvent[];

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    seeded = await seedLargeWorkspace(first.dataSource, options);
    await seedLargeWorkspace(second.dataSource, options);
    const store = new PostgresEventStore(first.dataSource);
    for (const projection of projections) await catchUp(first.dataSource, store, projection);
    log = await readLog(first);
  });
  afterAll(() => Promise.all([first.drop(), second.drop()]));

  it('writes the same history, ids and times included, from the same seed', async () => {
    expect(log.length).toBeGreaterThan(1000);
    expect(fingerprint(await readLog(second))).toBe(fingerprint(log));
    const other = new LargeHistory({ ...options, seed: 8 });
    const [ours, theirs] = [new LargeHistory(options), other].map((h) => [...h.events()]);
    expect(ours!.map((e) => e.eventId)).toEqual(log.map((e) => e.event_id));
    expect(theirs!.map((e) => e.eventId)).not.toEqual(log.map((e) => e.event_id));
  });

  it('makes the volumes asked for, in proportion to the scale', () => {
    expect(countsOf(new LargeHistory(options))).toEqual({
      companies: 20,
      customers: 100,
      feedback: 200,
      votes: 2000,
    });
    expect(countsOf(new LargeHistory({ ...options, scale: 0.004 }))).toEqual({
      companies: 40,
      customers: 200,
      feedback: 400,
      votes: 4000,
    });
  });

  it('refuses to seed a database twice', async () => {
    expect(seeded.seeded).toBe(true);
    expect(await seedLargeWorkspace(first.dataSource, { ...options, seed: 9 })).toEqual({
      seeded: false,
    });
    expect(await readLog(first)).toHaveLength(log.length);
  });

  it('stores every event valid against its schema, stream by stream, in the order it happened', () => {
    const versions = new Map<string, number>();
    let previous = '';
    for (const event of log) {
      expect(chorusEvents.parse(event.type, event.schema_version, event.data)).toEqual(event.data);
      expect(event.version).toBe((versions.get(event.stream_id) ?? 0) + 1);
      versions.set(event.stream_id, event.version);
      expect(event.metadata.occurredAt >= previous).toBe(true);
      previous = event.metadata.occurredAt;
    }
    const span = Date.parse(previous) - Date.parse(log[0]!.metadata.occurredAt);
    expect(span).toBeGreaterThan(700 * 86_400_000);
    expect(Date.parse(previous)).toBeLessThan(DEFAULT_ANCHOR.getTime());
  });

  it('keeps the rules of the deciders it bypasses: votes on open items, legal moves, ready plans', () => {
    let catalog: Catalog = catalogDecider.initialState();
    const feedback = new Map<string, Feedback>();
    const items = new Map<string, BacklogItem>();
    const shipped = new Set<string>();
    const checked = { votes: 0, moves: 0, plans: 0 };
    for (const event of log) {
      const { type, data } = event;
      if (event.stream_id.startsWith('catalog-')) {
        catalog = catalogDecider.evolve(catalog, { type, data } as CatalogEvent);
      } else if (type === 'ReleasePublished') {
        shipped.add(event.metadata.correlationId);
      } else if (type === 'VoteCast') {
        const target = feedback.get((data as { feedbackId: string }).feedbackId);
        expect(target?.exists && whyVotingIsClosed(target)).toBeNull();
        expect(event.version).toBe(1);
        checked.votes += 1;
      } else if (event.stream_id.startsWith('feedback-')) {
        const id = event.stream_id.slice('feedback-'.length);
        const before = feedback.get(id) ?? { exists: false };
        if (type === 'FeedbackStatusChanged') {
          const { from, to } = data as { from: string; to: string };
          const legal = whyTransitionIsIllegal(catalog.statuses, from, to) === null;
          // Shipping moves feedback to done whatever the workflow says.
          expect(legal || shipped.has(event.metadata.correlationId)).toBe(true);
          checked.moves += 1;
        }
        feedback.set(id, evolveFeedback(before, { type, data } as FeedbackEvent));
      } else if (event.stream_id.startsWith('backlog-item-')) {
        const id = event.stream_id.slice('backlog-item-'.length);
        const before = items.get(id) ?? { exists: false };
        if (type === 'BacklogItemPlanned') {
          expect(before.exists && whyNotReady(before)).toBeNull();
          checked.plans += 1;
        }
        items.set(id, evolveBacklogItem(before, { type, data } as BacklogItemEvent));
      }
    }
    expect(checked.votes).toBe(2000);
    expect(checked.moves).toBeGreaterThan(50);
    expect(checked.plans).toBeGreaterThan(3);
  });

  it('projects read models that agree with the generated history', async () => {
    const of = (type: string) => log.filter((e) => e.type === type).length;
    const standing = new Map<string, Set<string>>();
    const mergedInto = new Map<string, string>();
    for (const { type, data } of log) {
      const vote = data as { feedbackId: string; voterId: string };
      if (type === 'VoteCast') {
        standing.set(
          vote.feedbackId,
          (standing.get(vote.feedbackId) ?? new Set()).add(vote.voterId),
        );
      } else if (type === 'VoteWithdrawn') {
        standing.get(vote.feedbackId)?.delete(vote.voterId);
      } else if (type === 'FeedbackMerged') {
        const merge = data as { feedbackId: string; intoId: string };
        mergedInto.set(merge.feedbackId, merge.intoId);
      }
    }
    // A survivor counts each person once across itself and its duplicates.
    const expected = new Map<string, Set<string>>();
    for (const [feedbackId, voters] of standing) {
      const target = mergedInto.get(feedbackId) ?? feedbackId;
      expected.set(target, new Set([...(expected.get(target) ?? []), ...voters]));
      if (target !== feedbackId) expected.set(feedbackId, new Set(voters));
    }
    const db = first.dataSource;
    const rows = await db.query<{ feedback_id: string; vote_count: number }[]>(
      `SELECT feedback_id, vote_count FROM feedback_list`,
    );
    expect(rows).toHaveLength(of('FeedbackSubmitted'));
    for (const row of rows) {
      expect([row.feedback_id, row.vote_count]).toEqual([
        row.feedback_id,
        expected.get(row.feedback_id)?.size ?? 0,
      ]);
    }
    const [counts] = await db.query<Record<string, number>[]>(
      `SELECT
         (SELECT count(*) FROM feedback_ballots)::int AS ballots,
         (SELECT count(*) FROM companies)::int AS companies,
         (SELECT count(*) FROM customers)::int AS customers,
         (SELECT count(*) FROM notifications)::int AS notifications,
         (SELECT count(*) FROM releases WHERE state = 'published')::int AS published,
         (SELECT count(*) FROM sprints)::int AS sprints,
         (SELECT count(*) FROM backlog_items)::int AS items,
         (SELECT count(*) FROM workspaces WHERE slug = 'scale')::int AS workspaces`,
    );
    expect(counts).toEqual({
      ballots: of('VoteCast') - of('VoteWithdrawn'),
      companies: 20,
      customers: 100,
      notifications: of('PersonNotified'),
      published: of('ReleasePublished'),
      sprints: of('SprintCreated'),
      items: of('BacklogItemCreated'),
      workspaces: 1,
    });
    expect(of('FeedbackMerged')).toBeGreaterThan(0);
    expect(counts!.published).toBeGreaterThan(0);
    expect(counts!.notifications).toBeGreaterThan(0);
  });
});
