import { randomUUID } from 'node:crypto';
import { CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage } from 'cloudevents';
import type { Kafka, Producer } from 'kafkajs';
import {
  KafkaProjectionConsumer,
  PostgresEventStore,
  catchUp,
  createKafka,
  deadLetterTopic,
  prepareKafkaTransport,
  kafkaRelay,
  topicFor,
} from '@chorus/event-store';
import {
  createTestDatabase,
  describeWithKafka,
  eventually,
  type TestDatabase,
} from '@chorus/event-store/testing';
import { feedbackStreamId } from '@chorus/domain';
import { projections } from '../projections';
import { snapshot, workspaceId, writeCustomerHistory, writeHistory } from '../testing/history';

const readAll = async (kafka: Kafka, topic: string, expected: number) => {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const records: { key: string; value: string; headers: Record<string, string> }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      records.push({
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        ),
      });
      return Promise.resolve();
    },
  });
  await eventually(
    () => Promise.resolve(expect(records.length).toBeGreaterThanOrEqual(expected)),
    30_000,
  );
  await consumer.disconnect();
  return records;
};

describeWithKafka('the Kafka transport, against a real broker', () => {
  const topicPrefix = `t${randomUUID().slice(0, 8)}`;
  let kafka: Kafka;
  let producer: Producer;
  let source: TestDatabase;
  let target: TestDatabase;
  let store: PostgresEventStore;
  const consumers: KafkaProjectionConsumer[] = [];
  const assignments = new Map<number, number>();
  const deadLetters: string[] = [];

  const relay = () => catchUp(source.dataSource, store, kafkaRelay(producer, topicPrefix), 500);
  const startConsumer = async (member: number) => {
    const consumer = new KafkaProjectionConsumer({
      kafka,
      db: target.dataSource,
      personalDataKeys: source.dataSource,
      projections,
      producer,
      groupId: `${topicPrefix}-projections`,
      topicPrefix,
      onDeadLetter: (projection) => deadLetters.push(projection),
      onAssignment: (assignment) =>
        assignments.set(
          member,
          Object.values(assignment).reduce((n, p) => n + p.length, 0),
        ),
    });
    await consumer.start();
    consumers.push(consumer);
    return consumer;
  };
  // Catching up stops below any transaction still open in the cluster (the consumers' ones in
  // the target database count too), so both the source's projections and the relay go again.
  const converged = () =>
    eventually(async () => {
      for (const projection of projections) await catchUp(source.dataSource, store, projection);
      await relay();
      expect(await snapshot(target)).toEqual(await snapshot(source));
    }, 30_000);

  beforeAll(async () => {
    kafka = createKafka(process.env.KAFKA_BROKERS!, 'chorus-test');
    producer = await prepareKafkaTransport(kafka, {
      topicPrefix,
      settings: { partitions: 6, retentionMs: 3_600_000 },
    });
    source = await createTestDatabase();
    target = await createTestDatabase();
    store = new PostgresEventStore(source.dataSource);
    await store.append(
      `workspace-${workspaceId}`,
      0,
      [{ type: 'WorkspaceCreated', data: { workspaceId, name: 'Acme', slug: 'acme' } }],
      { workspaceId, actorId: 'seed', correlationId: randomUUID() },
    );
    // Customers, companies, comments and a merge travel on other topics or keys than the votes
    // they affect: the read models must still come out the same.
    await writeCustomerHistory(store, await writeHistory(store, 30, 10));
    for (const projection of projections) await catchUp(source.dataSource, store, projection);
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await producer?.disconnect();
    await source?.drop();
    await target?.drop();
  });

  it('publishes every event as a CloudEvent in binary mode, keyed so each item stays in order', async () => {
    const published = await relay();
    const [{ count }] = await source.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE stream_type IN ('feedback', 'ballot', 'comment', 'follow')`,
    );
    expect(published).toBeGreaterThan(count);
    const records = await readAll(kafka, topicFor('feedback', topicPrefix), count);
    const submitted = records.find(
      (r) => r.headers.ce_type === 'com.chorus.feedback.submitted.v2',
    )!;
    const message: KafkaMessage = {
      key: submitted.key,
      value: submitted.value,
      body: submitted.value,
      headers: submitted.headers,
    };
    const event = CloudEventsKafka.toEvent(message) as CloudEvent<{
      feedbackId: string;
      title: string;
    }>;
    expect(event.specversion).toBe('1.0');
    expect(event.source).toBe('/chorus/feedback');
    expect(event.subject).toBe(feedbackStreamId(event.data!.feedbackId));
    expect(event.datacontenttype).toBe('application/json');
    expect(event.workspaceid).toBe(workspaceId);
    expect(event.sequence).toBe('1');
    expect(Date.parse(event.time!)).not.toBeNaN();
    const [row] = await source.dataSource.query<[{ event_id: string }]>(
      `SELECT event_id FROM events WHERE stream_id = $1 AND version = 1`,
      [event.subject],
    );
    expect(event.id).toBe(row.event_id);
    // Votes travel with their feedback item: same key, same partition, in order.
    const vote = records.find((r) => r.headers.ce_type === 'com.chorus.feedback.vote-cast.v2')!;
    expect(vote.key).toMatch(/^feedback-/);
    expect(vote.headers.ce_subject).toMatch(/^ballot-/);
  });

  it('carries personal data sealed: no customer’s name or email in any record', async () => {
    await relay();
    const records = await readAll(kafka, topicFor('customer', topicPrefix), 4);
    const values = records.map((r) => r.value).join('\n');
    expect(values).toMatch(/"name":"sealed:v1:/);
    for (let i = 0; i < 4; i += 1) {
      expect(values).not.toContain(`c${i}@example.com`);
      expect(values).not.toContain(`Customer ${i}`);
    }
  });

  it('builds, with two workers in a consumer group, exactly the read models of the Postgres transport', async () => {
    await startConsumer(1);
    await startConsumer(2);
    await converged();
    await eventually(() => Promise.resolve(expect(assignments.size).toBe(2)), 30_000);
    expect([...assignments.values()].every((partitions) => partitions > 0)).toBe(true);
  });

  it('stays exact when the relay publishes everything again (crash between publish and checkpoint)', async () => {
    await source.dataSource.query(
      `UPDATE projection_checkpoints SET transaction_id = '0', global_position = 0 WHERE projection = 'kafka_relay'`,
    );
    await relay();
    await writeHistory(store, 3, 4);
    for (const projection of projections) await catchUp(source.dataSource, store, projection);
    await relay();
    await converged();
  });

  it('sends an event no projection can apply to the dead-letter topic and carries on', async () => {
    const feedbackId = randomUUID();
    await producer.send({
      topic: topicFor('feedback', topicPrefix),
      acks: -1,
      messages: [
        {
          key: feedbackStreamId(feedbackId),
          value: JSON.stringify({ feedbackId, title: 'x' }),
          headers: {
            ce_specversion: '1.0',
            ce_id: randomUUID(),
            ce_source: '/somewhere-else',
            ce_type: 'com.chorus.feedback.submitted.v2',
            ce_time: new Date().toISOString(),
            ce_subject: feedbackStreamId(feedbackId),
            ce_workspaceid: workspaceId,
            ce_sequence: '1',
          },
        },
      ],
    });
    await writeHistory(store, 2, 3);
    for (const projection of projections) await catchUp(source.dataSource, store, projection);
    await relay();
    await converged();
    const letters = await readAll(kafka, deadLetterTopic(topicPrefix), 1);
    expect(letters[0]!.headers.chorus_error).toMatch(/does not match its schema/);
    expect(letters[0]!.headers.ce_subject).toBe(feedbackStreamId(feedbackId));
    expect(deadLetters.length).toBeGreaterThan(0);
  });

  it('rebalances: when one worker leaves, the other takes its partitions and catches up', async () => {
    await consumers.shift()!.stop();
    await writeHistory(store, 3, 5);
    for (const projection of projections) await catchUp(source.dataSource, store, projection);
    await relay();
    await converged();
  });
});
