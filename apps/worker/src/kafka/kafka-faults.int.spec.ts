import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import {
  KafkaProjectionConsumer,
  PostgresEventStore,
  ProjectionRunner,
  createKafka,
  prepareKafkaTransport,
  kafkaRelay,
  rebuildProjection,
  type Projection,
} from '@chorus/event-store';
import {
  createTestDatabase,
  describeWithKafka,
  eventually,
  type TestDatabase,
} from '@chorus/event-store/testing';
import { projections } from '../projections';
import { snapshot, writeHistory } from '../testing/history';

import { startOwnBroker } from '../testing/kafka-broker';

describeWithKafka('the Kafka transport under faults', () => {
  let broker: Awaited<ReturnType<typeof startOwnBroker>>;
  let kafka: Kafka;
  let producer: Producer;
  let source: TestDatabase;
  let target: TestDatabase;
  let store: PostgresEventStore;
  let relay: ProjectionRunner;
  let consumer: KafkaProjectionConsumer;

  const expectTargetToMatchARebuild = () =>
    eventually(async () => {
      for (const projection of projections)
        await rebuildProjection(source.dataSource, store, projection);
      expect(await snapshot(target)).toEqual(await snapshot(source));
    }, 60_000);

  beforeAll(async () => {
    broker = await startOwnBroker();
    kafka = createKafka(broker.brokers, 'chorus-fault-test');
    producer = await prepareKafkaTransport(kafka, {
      settings: { partitions: 6, retentionMs: 3_600_000 },
    });
    source = await createTestDatabase();
    target = await createTestDatabase();
    store = new PostgresEventStore(source.dataSource);
    relay = new ProjectionRunner(source.dataSource, source.url, [kafkaRelay(producer)], {
      idleWaitMs: 200,
    });
    await relay.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await producer?.disconnect().catch(() => undefined);
    await broker?.remove();
    await source?.drop();
    await target?.drop();
  });

  // A broker restart plus two catch-ups can outlast a minute on a loaded 2-core machine.
  it('loses nothing while the broker is down: commands are accepted and the relay catches up', async () => {
    consumer = new KafkaProjectionConsumer({
      kafka,
      db: target.dataSource,
      personalDataKeys: source.dataSource,
      projections,
      producer,
    });
    await consumer.start();
    await writeHistory(store, 5, 4);
    await expectTargetToMatchARebuild();

    await broker.stop();
    // The write path never touches Kafka: appends go on while the broker is away.
    await writeHistory(store, 5, 6);
    await broker.start();
    await expectTargetToMatchARebuild();
  }, 180_000);

  it('replays a batch whose worker died mid-way and ends equal to a rebuild', async () => {
    await consumer.stop();
    let crashes = 0;
    // The first time a batch arrives, its database connection dies half-way through applying it.
    const dyingOnce = projections.map((projection): Projection => ({
      ...projection,
      applyBatch: async (tx, events) => {
        if (projection.name === 'feedback_list' && crashes === 0) {
          crashes += 1;
          await projection.applyBatch(tx, events.slice(0, Math.ceil(events.length / 2)));
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }
        await projection.applyBatch(tx, events);
      },
    }));
    consumer = new KafkaProjectionConsumer({
      kafka,
      db: target.dataSource,
      personalDataKeys: source.dataSource,
      projections: dyingOnce,
      producer,
      groupId: `after-crash-${randomUUID()}`,
    });
    await target.dataSource.query(
      'TRUNCATE feedback_list, feedback_ballots, workspaces, projection_stream_versions',
    );
    await consumer.start();
    await writeHistory(store, 3, 3);
    await expectTargetToMatchARebuild();
    expect(crashes).toBe(1);
  });
});
