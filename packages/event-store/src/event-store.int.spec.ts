import { randomUUID } from 'node:crypto';
import { ConcurrencyConflict, LOG_START, PostgresEventStore, positionOf } from './event-store';
import { createTestDatabase, type TestDatabase } from './testing';

const workspaceId = randomUUID();
const context = { workspaceId, actorId: 'tester', correlationId: randomUUID() };
const submitted = (feedbackId: string, title = 'Dark mode') => ({
  type: 'FeedbackSubmitted',
  data: {
    feedbackId,
    title,
    description: '',
    boardId: 'general',
    authorId: 'tester',
    statusId: 'open',
    moderation: 'approved',
    source: 'app',
    capturedBy: null,
    quote: null,
    categoryId: null,
  },
});

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(30);
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  it('appends at the expected version and reads the stream back in order', async () => {
    const feedbackId = randomUUID();
    const streamId = `feedback-${feedbackId}`;
    await store.append(streamId, 0, [submitted(feedbackId)], context);
    const { nextVersion } = await store.append(
      streamId,
      1,
      [{ type: 'FeedbackEdited', data: { feedbackId, title: 'Dark theme', editedBy: 'tester' } }],
      { ...context, causationId: 'cmd-1' },
    );
    expect(nextVersion).toBe(2);
    const events = await store.readStream(streamId);
    expect(events.map((e) => [e.version, e.type, e.streamType])).toEqual([
      [1, 'FeedbackSubmitted', 'feedback'],
      [2, 'FeedbackEdited', 'feedback'],
    ]);
    expect(events[1]!.metadata).toMatchObject({
      workspaceId,
      actorId: 'tester',
      correlationId: context.correlationId,
      causationId: 'cmd-1',
    });
    expect(Date.parse(events[1]!.metadata.occurredAt)).not.toBeNaN();
    expect(events[0]!.workspaceId).toBe(workspaceId);
  });

  it('refuses a stale expected version without writing anything', async () => {
    const feedbackId = randomUUID();
    const streamId = `feedback-${feedbackId}`;
    await store.append(streamId, 0, [submitted(feedbackId)], context);
    await expect(store.append(streamId, 0, [submitted(feedbackId)], context)).rejects.toThrow(
      ConcurrencyConflict,
    );
    await expect(
      store.append(
        streamId,
        5,
        [{ type: 'FeedbackEdited', data: { feedbackId, title: 'Later', editedBy: 'x' } }],
        context,
      ),
    ).rejects.toThrow(ConcurrencyConflict);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('lets exactly one of 20 concurrent appends at the same expected version win', async () => {
    const feedbackId = randomUUID();
    const streamId = `feedback-${feedbackId}`;
    await store.append(streamId, 0, [submitted(feedbackId)], context);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.append(
          streamId,
          1,
          [{ type: 'FeedbackEdited', data: { feedbackId, title: `Title ${i}`, editedBy: 'x' } }],
          context,
        ),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConcurrencyConflict);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('appends single events from many callers in shared statements, each with its own outcome', async () => {
    const feedbackId = randomUUID();
    const vote = (voterId: string) => ({
      type: 'VoteCast',
      data: { feedbackId, voterId, source: 'app', capturedBy: null, quote: null },
    });
    const results = await Promise.allSettled([
      ...Array.from({ length: 30 }, (_, i) =>
        store.appendOne(`ballot-${feedbackId}-v${i}`, 0, vote(`v${i}`), context),
      ),
      // Two racers on one ballot at the same version: exactly one lands.
      store.appendOne(`ballot-${feedbackId}-twice`, 0, vote('twice'), context),
      store.appendOne(`ballot-${feedbackId}-twice`, 0, vote('twice'), context),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflict);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(31);
    const [{ count }] = await db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE data->>'feedbackId' = $1`,
      [feedbackId],
    );
    expect(count).toBe(31);
    await expect(
      store.appendOne(`ballot-${feedbackId}-v0`, 0, vote('v0'), context),
    ).rejects.toThrow(ConcurrencyConflict);
    await expect(
      store.appendOne(
        `ballot-${feedbackId}-v0`,
        1,
        { type: 'VoteWithdrawn', data: { feedbackId, voterId: 'v0' } },
        context,
      ),
    ).resolves.toEqual({ nextVersion: 2 });
  });

  it('validates event data against its schema before storing it', async () => {
    await expect(
      store.append('feedback-x', 0, [{ type: 'FeedbackSubmitted', data: { title: 'x' } }], context),
    ).rejects.toThrow();
    await expect(
      store.append('feedback-y', 0, [{ type: 'NoSuchEvent', data: {} }], context),
    ).rejects.toThrow(/No schema/);
  });

  it('never lets the global log skip an event committed late by an older transaction', async () => {
    const before = await store.headPosition();
    const slow = db.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    const lateId = randomUUID();
    await store.append(`feedback-${lateId}`, 0, [submitted(lateId, 'Late')], context, slow.manager);
    const quickId = randomUUID();
    await store.append(`feedback-${quickId}`, 0, [submitted(quickId, 'Quick')], context);

    // The quick event is committed, but the slow transaction is still in flight: the reader
    // must stop below it rather than move past the slow event's position.
    const whileInFlight = await store.readLog(before, 100);
    expect(whileInFlight.map((e) => e.streamId)).not.toContain(`feedback-${quickId}`);

    await slow.commitTransaction();
    await slow.release();
    const after = await store.readLog(before, 100);
    expect(after.map((e) => e.streamId)).toEqual([`feedback-${lateId}`, `feedback-${quickId}`]);
  });

  it('reads the log in pages from any position', async () => {
    const all = await store.readLog(LOG_START, 10_000);
    const firstPage = await store.readLog(LOG_START, 2);
    const rest = await store.readLog(positionOf(firstPage[1]!), 10_000);
    expect([...firstPage, ...rest].map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
    expect(await store.headPosition()).toEqual(positionOf(all[all.length - 1]!));
  });

  it('reads several streams in one round trip', async () => {
    const a = randomUUID();
    await store.append(`feedback-${a}`, 0, [submitted(a)], context);
    const streams = await store.readStreams([`feedback-${a}`, 'ballot-none']);
    expect(streams.get(`feedback-${a}`)).toHaveLength(1);
    expect(streams.get('ballot-none')).toEqual([]);
  });

  it('reads another workspace’s stream as empty when asked for one workspace', async () => {
    const a = randomUUID();
    await store.append(`feedback-${a}`, 0, [submitted(a)], context);
    expect(await store.readStream(`feedback-${a}`, { workspaceId })).toHaveLength(1);
    expect(await store.readStream(`feedback-${a}`, { workspaceId: randomUUID() })).toEqual([]);
  });
});
