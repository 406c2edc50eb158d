import { randomUUID } from 'node:crypto';
import { toKafkaRecord, type KafkaRecord, type StoredEvent } from '@chorus/event-store';
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
const [voterA, voterB] = [randomUUID(), randomUUID()];
const staffId = randomUUID();
const correlationId = randomUUID();

let position = 0;
const stored = (
  streamId: string,
  version: number,
  type: string,
  data: Record<string, unknown>,
  causationId: string | null = null,
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
    schemaVersion: 1,
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
  castA.eventId,
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

describeWithKafka('example Kafka consumer against a real broker', () => {
  const topicPrefix = `example-test-${randomUUID().slice(0, 8)}`;
  const kafka = new Kafka({
    clientId: 'example-consumer-test',
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const records = [submitted, castA, castB, withdrawnA, planned, edited].map((e) =>
    toKafkaRecord(e, topicPrefix),
  );
  const topic = records[0]!.topic;

  const events: ChorusEvent[] = [];
  const unknown: UnknownEvent[] = [];
  const unreadable: UnreadableRecord[] = [];
  const tally = createVoteTally();
  let consumer: RunningConsumer | undefined;

  const send = (...batch: KafkaRecord[]) =>
    producer.send({
      topic,
      messages: batch.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    });

  beforeAll(async () => {
    expect(topic).toBe(`${topicPrefix}.feedback.v1`);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await producer.connect();

    // The feedback item and its votes: one key, so one partition, in this order.
    await send(records[0]!, records[1]!, records[2]!, records[3]!, records[4]!);
    // At least once: the same record again (a relay that crashed before marking it sent).
    await send(records[2]!);
    // A record that is not a CloudEvent, and one of a type this consumer does not know.
    await producer.send({
      topic,
      messages: [
        { key: feedbackStream, value: '{"not":"a cloudevent"}' },
        {
          key: feedbackStream,
          value: JSON.stringify({ feedbackId }),
          headers: {
            ...records[4]!.headers,
            ce_id: randomUUID(),
            ce_type: 'com.chorus.feedback.archived.v2',
          },
        },
      ],
    });
    // The last one: when it is seen, everything before it on the partition has been too.
    await send(records[5]!);

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
    await waitFor('the last event', () =>
      events.some((e) => e.type === 'com.chorus.feedback.edited.v1'),
    );
  }, 60_000);

  afterAll(async () => {
    await consumer?.stop();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('hands over each event once, typed by its CloudEvent type, in partition order', () => {
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ['com.chorus.feedback.submitted.v1', submitted.eventId],
      ['com.chorus.feedback.vote-cast.v1', castA.eventId],
      ['com.chorus.feedback.vote-cast.v1', castB.eventId],
      ['com.chorus.feedback.vote-withdrawn.v1', withdrawnA.eventId],
      ['com.chorus.feedback.status-changed.v1', planned.eventId],
      ['com.chorus.feedback.edited.v1', edited.eventId],
    ]);
    const first = events[0]!;
    if (first.type !== 'com.chorus.feedback.submitted.v1') throw new Error('not typed');
    expect(first.data).toEqual(submitted.data);
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
    expect(unknown.map((e) => e.type)).toEqual(['com.chorus.feedback.archived.v2']);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.reason).toMatch(/not a CloudEvent/);
  });

  it('keeps a vote tally per feedback item', () => {
    expect(tally.get(feedbackId)).toEqual({
      feedbackId,
      workspaceId,
      title: 'Export the inbox as CSV or XLSX',
      status: 'planned',
      votes: 1,
    });
  });
});
