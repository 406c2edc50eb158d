import { randomUUID } from 'node:crypto';
import {
  partitionKeyOf,
  toKafkaRecord,
  type KafkaRecord,
  type StoredEvent,
} from '@chorus/event-store';
import { describeWithKafka } from '@chorus/event-store/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import {
  startConsumer,
  type ChorusEvent,
  type RunningConsumer,
  type UnknownEvent,
  type UnreadableRecord,
} from './consumer';
import { createVoteTally } from './vote-tally';

// Runs only against a real broker: jest.kafka.js starts a throwaway one and sets KAFKA_BROKERS,
// or (no Java or Maven, outside CI) the suite is reported as skipped with the reason.
const brokers = process.env.KAFKA_BROKERS ?? '';

const waitFor = async (what: string, done: () => boolean, timeoutMs = 45_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const workspaceId = randomUUID();
const feedbackId = randomUUID();
/** A second item, submitted with the v2 types; the first one is merged into it later. */
const survivorId = randomUUID();
const [voterA, voterB, voterC] = [randomUUID(), randomUUID(), randomUUID()];
const staffId = randomUUID();
const correlationId = randomUUID();

let position = 0;
const stored = (
  streamId: string,
  version: number,
  type: string,
  data: Record<string, unknown>,
  {
    schemaVersion = 1,
    causationId = null,
  }: { schemaVersion?: number; causationId?: string | null } = {},
): StoredEvent => {
  position += 1;
  const occurredAt = new Date(Date.UTC(2026, 10, 28, 9, 30, position)).toISOString();
  return {
    globalPosition: String(position),
    transactionId: String(position),
    streamId,
    streamType: streamId.slice(0, streamId.indexOf('-')),
    version,
    eventId: randomUUID(),
    type,
    schemaVersion,
    workspaceId,
    data,
    metadata: { workspaceId, actorId: staffId, correlationId, causationId, occurredAt },
    recordedAt: occurredAt,
  };
};

const feedbackStream = `feedback-${feedbackId}`;
const ballotA = `ballot-${feedbackId}-${voterA}`;
const ballotB = `ballot-${feedbackId}-${voterB}`;

const submitted = stored(feedbackStream, 1, 'FeedbackSubmitted', {
  feedbackId,
  title: 'Export the inbox as CSV',
  description: 'Every Friday we review feedback in a spreadsheet.',
  boardId: 'general',
  authorId: voterA,
});
const castA = stored(ballotA, 1, 'VoteCast', { feedbackId, voterId: voterA });
const castB = stored(ballotB, 1, 'VoteCast', { feedbackId, voterId: voterB });
const withdrawnA = stored(
  ballotA,
  2,
  'VoteWithdrawn',
  { feedbackId, voterId: voterA },
  { causationId: castA.eventId },
);
const planned = stored(feedbackStream, 2, 'FeedbackStatusChanged', {
  feedbackId,
  from: 'open',
  to: 'planned',
  changedBy: staffId,
});
const edited = stored(feedbackStream, 3, 'FeedbackEdited', {
  feedbackId,
  title: 'Export the inbox as CSV or XLSX',
  editedBy: staffId,
});

// v2 types, which current Chorus publishes. A v2 vote may land on an item submitted with v1.
const castC = stored(
  `ballot-${feedbackId}-${voterC}`,
  1,
  'VoteCast',
  {
    feedbackId,
    voterId: voterC,
    source: 'app',
    capturedBy: null,
    quote: null,
  },
  { schemaVersion: 2 },
);
const survivorStream = `feedback-${survivorId}`;
const submittedV2 = stored(
  survivorStream,
  1,
  'FeedbackSubmitted',
  {
    feedbackId: survivorId,
    title: 'Download feedback as a spreadsheet',
    description: '',
    boardId: 'general',
    authorId: voterB,
    statusId: 'triage',
    moderation: 'approved',
    source: 'sales_call',
    capturedBy: staffId,
    quote: 'Our finance team lives in spreadsheets.',
    categoryId: null,
  },
  { schemaVersion: 2 },
);
const survivorCastA = stored(
  `ballot-${survivorId}-${voterA}`,
  1,
  'VoteCast',
  {
    feedbackId: survivorId,
    voterId: voterA,
    source: 'app',
    capturedBy: null,
    quote: null,
  },
  { schemaVersion: 2 },
);
const survivorCastB = stored(
  `ballot-${survivorId}-${voterB}`,
  1,
  'VoteCast',
  {
    feedbackId: survivorId,
    voterId: voterB,
    source: 'support_ticket',
    capturedBy: staffId,
    quote: 'We export by hand every week.',
  },
  { schemaVersion: 2 },
);
// A custom workflow: status ids are the workspace's own, `toKind` says what they mean.
const building = stored(
  survivorStream,
  2,
  'FeedbackStatusChanged',
  {
    feedbackId: survivorId,
    from: 'triage',
    to: 'building',
    toKind: 'active',
    changedBy: staffId,
  },
  { schemaVersion: 2 },
);
// Types this consumer does not handle: a tag, and a comment (keyed by its feedback's stream).
const tagged = stored(feedbackStream, 4, 'FeedbackTagged', {
  feedbackId,
  by: staffId,
  tagId: 'reporting',
});
const commentId = randomUUID();
const commented = stored(`comment-${commentId}`, 1, 'CommentPosted', {
  commentId,
  feedbackId,
  parentId: null,
  authorId: voterB,
  byStaff: false,
  visibility: 'public',
  body: 'Same here.',
  mentions: [],
});

// The first item is merged into the second, then unmerged. The two events of each are committed
// together but sit on different streams (and keys), so they may arrive in either order.
const merged = stored(feedbackStream, 5, 'FeedbackMerged', {
  feedbackId,
  by: staffId,
  intoId: survivorId,
});
const absorbed = stored(survivorStream, 3, 'FeedbackDuplicateAbsorbed', {
  feedbackId: survivorId,
  by: staffId,
  duplicateId: feedbackId,
});
const unmerged = stored(feedbackStream, 6, 'FeedbackUnmerged', {
  feedbackId,
  by: staffId,
  fromId: survivorId,
});
const released = stored(survivorStream, 4, 'FeedbackDuplicateReleased', {
  feedbackId: survivorId,
  by: staffId,
  duplicateId: feedbackId,
});

describeWithKafka('example Kafka consumer against a real broker', () => {
  const topicPrefix = `example-test-${randomUUID().slice(0, 8)}`;
  const kafka = new Kafka({
    clientId: 'example-consumer-test',
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const record = (event: StoredEvent): KafkaRecord => toKafkaRecord(event, topicPrefix);
  const topic = record(submitted).topic;

  const events: ChorusEvent[] = [];
  const unknown: UnknownEvent[] = [];
  const unreadable: UnreadableRecord[] = [];
  const tally = createVoteTally();
  let consumer: RunningConsumer | undefined;

  const send = (...batch: StoredEvent[]) =>
    producer.send({
      topic,
      messages: batch.map(record).map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    });
  const handled = (...batch: StoredEvent[]): boolean =>
    batch.every((s) => events.some((e) => e.id === s.eventId));
  const typesAndIdsOn = (key: string) =>
    events.filter((e) => e.partitionKey === key).map((e) => [e.type, e.id]);

  beforeAll(async () => {
    expect(topic).toBe(`${topicPrefix}.feedback.v1`);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await producer.connect();

    // The feedback item and its votes: one key, so one partition, in this order.
    await send(submitted, castA, castB, withdrawnA, planned);
    // At least once: the same record again (a relay that crashed before marking it sent).
    await send(castB);
    // A record that is not a CloudEvent, and one of a type this consumer does not know.
    await producer.send({
      topic,
      messages: [
        { key: feedbackStream, value: '{"not":"a cloudevent"}' },
        {
          key: feedbackStream,
          value: JSON.stringify({ feedbackId }),
          headers: {
            ...record(planned).headers,
            ce_id: randomUUID(),
            ce_type: 'com.chorus.feedback.archived.v2',
          },
        },
      ],
    });
    // Real Chorus types this consumer does not handle, and a v2 vote on the v1 item.
    await send(tagged, commented, castC);
    // The last one: when it is seen, everything before it on the partition has been too.
    await send(edited);
    // A second item, all v2, under its own key (maybe in another partition).
    await send(submittedV2, survivorCastA, survivorCastB, building);

    consumer = await startConsumer({
      brokers: brokers.split(','),
      groupId: `${topicPrefix}-group`,
      topic,
      onEvent: (event) => {
        events.push(event);
        tally.onEvent(event);
      },
      onUnknownEvent: (event) => void unknown.push(event),
      onUnreadableRecord: (problem) => void unreadable.push(problem),
    });
    await waitFor('the last event of each item', () => handled(edited, building));
  }, 60_000);

  afterAll(async () => {
    await consumer?.stop();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('hands over each event once, typed by its CloudEvent type, in partition order', () => {
    expect(typesAndIdsOn(feedbackStream)).toEqual([
      ['com.chorus.feedback.submitted.v1', submitted.eventId],
      ['com.chorus.feedback.vote-cast.v1', castA.eventId],
      ['com.chorus.feedback.vote-cast.v1', castB.eventId],
      ['com.chorus.feedback.vote-withdrawn.v1', withdrawnA.eventId],
      ['com.chorus.feedback.status-changed.v1', planned.eventId],
      ['com.chorus.feedback.vote-cast.v2', castC.eventId],
      ['com.chorus.feedback.edited.v1', edited.eventId],
    ]);
    expect(typesAndIdsOn(survivorStream)).toEqual([
      ['com.chorus.feedback.submitted.v2', submittedV2.eventId],
      ['com.chorus.feedback.vote-cast.v2', survivorCastA.eventId],
      ['com.chorus.feedback.vote-cast.v2', survivorCastB.eventId],
      ['com.chorus.feedback.status-changed.v2', building.eventId],
    ]);
    expect(events).toHaveLength(11);
    // No order between keys: the second item may come first.
    const first = events.find((e) => e.id === submitted.eventId)!;
    if (first.type !== 'com.chorus.feedback.submitted.v1') throw new Error('not typed');
    expect(first.data).toEqual(submitted.data);
  });

  it('types the v2 events by their own schemas', () => {
    const v2 = events.find((e) => e.id === submittedV2.eventId)!;
    if (v2.type !== 'com.chorus.feedback.submitted.v2') throw new Error('not typed');
    expect(v2.data).toEqual(submittedV2.data);
    expect([v2.data.statusId, v2.data.moderation, v2.data.source, v2.data.capturedBy]).toEqual([
      'triage',
      'approved',
      'sales_call',
      staffId,
    ]);
    expect(v2.dataschema).toBe('https://chorus.dev/schemas/com.chorus.feedback.submitted.v2.json');

    const status = events.find((e) => e.id === building.eventId)!;
    if (status.type !== 'com.chorus.feedback.status-changed.v2') throw new Error('not typed');
    expect([status.data.from, status.data.to, status.data.toKind]).toEqual([
      'triage',
      'building',
      'active',
    ]);

    const vote = events.find((e) => e.id === survivorCastB.eventId)!;
    if (vote.type !== 'com.chorus.feedback.vote-cast.v2') throw new Error('not typed');
    expect(vote.data).toEqual({
      feedbackId: survivorId,
      voterId: voterB,
      source: 'support_ticket',
      capturedBy: staffId,
      quote: 'We export by hand every week.',
    });
    expect([vote.subject, vote.partitionKey]).toEqual([
      `ballot-${survivorId}-${voterB}`,
      survivorStream,
    ]);
  });

  it('skipped the redelivered duplicate by ce_id', () => {
    expect(consumer!.duplicatesSkipped()).toBe(1);
    expect(events.filter((e) => e.id === castB.eventId)).toHaveLength(1);
  });

  it('reads the CloudEvents envelope and the Chorus extensions from the headers', () => {
    const withdrawn = events.find((e) => e.id === withdrawnA.eventId);
    expect(withdrawn).toEqual({
      type: 'com.chorus.feedback.vote-withdrawn.v1',
      data: { feedbackId, voterId: voterA },
      id: withdrawnA.eventId,
      source: '/chorus/feedback',
      subject: ballotA,
      time: withdrawnA.metadata.occurredAt,
      dataschema: 'https://chorus.dev/schemas/com.chorus.feedback.vote-withdrawn.v1.json',
      workspaceId,
      sequence: 2,
      correlationId,
      // A vote is keyed by its feedback's stream, not by its ballot.
      partitionKey: feedbackStream,
      topic,
      partition: expect.any(Number) as number,
      offset: expect.stringMatching(/^\d+$/) as string,
    });
    expect(withdrawn).not.toHaveProperty('causationId');
    const status = events.find((e) => e.id === planned.eventId)!;
    expect([status.subject, status.sequence, status.dataschema]).toEqual([
      feedbackStream,
      2,
      'https://chorus.dev/schemas/com.chorus.feedback.status-changed.v1.json',
    ]);
  });

  it('passes unknown types and unreadable records to their own callbacks instead of failing', () => {
    expect(unknown.map((e) => e.type)).toEqual([
      'com.chorus.feedback.archived.v2',
      'com.chorus.feedback.tagged.v1',
      'com.chorus.feedback.comment-posted.v1',
    ]);
    // A comment is keyed by its feedback's stream, like a vote, so it follows its item.
    const comment = unknown[2]!;
    expect([comment.id, comment.subject, comment.partitionKey]).toEqual([
      commented.eventId,
      `comment-${commentId}`,
      feedbackStream,
    ]);
    expect(comment.partitionKey).toBe(partitionKeyOf(commented));
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.reason).toMatch(/not a CloudEvent/);
  });

  it('keeps a vote tally per feedback item, from v1 and v2 events', () => {
    expect(tally.get(feedbackId)).toEqual({
      feedbackId,
      workspaceId,
      title: 'Export the inbox as CSV or XLSX',
      status: 'planned',
      votes: 2, // B (v1) and C (v2); A withdrew
      mergedInto: null,
      duplicates: [],
    });
    expect(tally.get(survivorId)).toEqual({
      feedbackId: survivorId,
      workspaceId,
      title: 'Download feedback as a spreadsheet',
      status: 'building',
      votes: 2, // A and B
      mergedInto: null,
      duplicates: [],
    });
  });

  it("counts a merged duplicate's voters on its survivor, each person once", async () => {
    // The survivor's side first: the two may arrive in either order.
    await send(absorbed);
    await send(merged);
    await waitFor('the merge', () => handled(absorbed, merged));

    expect(tally.get(survivorId)).toMatchObject({
      votes: 3, // A and B of its own, C of the duplicate's; B voted on both and counts once
      mergedInto: null,
      duplicates: [feedbackId],
    });
    expect(tally.get(feedbackId)).toMatchObject({
      votes: 2,
      mergedInto: survivorId,
      duplicates: [],
    });
  });

  it('gives each item its own voters back when unmerged', async () => {
    await send(unmerged);
    await send(released);
    await waitFor('the unmerge', () => handled(unmerged, released));

    const types = events.slice(-4).map((e) => e.type);
    expect(types.sort()).toEqual([
      'com.chorus.feedback.duplicate-absorbed.v1',
      'com.chorus.feedback.duplicate-released.v1',
      'com.chorus.feedback.merged.v1',
      'com.chorus.feedback.unmerged.v1',
    ]);
    expect(tally.get(survivorId)).toMatchObject({ votes: 2, mergedInto: null, duplicates: [] });
    expect(tally.get(feedbackId)).toMatchObject({ votes: 2, mergedInto: null, duplicates: [] });
    expect(unknown).toHaveLength(3);
  });
});
