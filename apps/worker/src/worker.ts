import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import {
  KafkaProjectionConsumer,
  ProjectionRunner,
  RELAY_BATCH_SIZE,
  connectAndMigrate,
  createKafka,
  kafkaRelay,
  prepareKafkaTransport,
  topicSettingsFromEnv,
  type StoredEvent,
} from '@chorus/event-store';
import { createWorkerLogger } from './logger';
import { createWorkerMetrics } from './metrics';
import { projections } from './projections';

export type WorkerOptions = {
  databaseUrl: string;
  /** Serve Prometheus metrics on this port (0 = any free port); omit for none. */
  metricsPort?: number;
  logger?: Logger;
  /**
   * With brokers, the worker relays the Postgres log to Kafka and its projections consume from
   * Kafka in a consumer group; without, projections read the Postgres log directly.
   */
  kafka?: { brokers: string; topicPrefix?: string; groupId?: string };
};

export type RunningWorker = { metricsUrl: string | null; stop: () => Promise<void> };

export const startWorker = async ({
  databaseUrl,
  metricsPort,
  logger = createWorkerLogger(),
  kafka: kafkaOptions,
}: WorkerOptions): Promise<RunningWorker> => {
  const db = await connectAndMigrate({
    url: databaseUrl,
    poolSize: 8,
    applicationName: 'chorus-worker',
  });
  const metrics = createWorkerMetrics();
  const observeBatch = (projection: string, events: readonly StoredEvent[]) => {
    metrics.eventsProjected.inc({ projection }, events.length);
    const now = Date.now();
    const lag = metrics.lag.labels({ projection });
    for (const event of events) lag.observe((now - Date.parse(event.metadata.occurredAt)) / 1000);
  };
  const onError = (projection: string, error: unknown) => {
    metrics.errors.inc({ projection });
    logger.error({ err: error, projection }, 'projection batch failed; retrying');
  };

  const stops: (() => Promise<void>)[] = [];
  if (kafkaOptions) {
    const kafka = createKafka(kafkaOptions.brokers, 'chorus-worker');
    const producer = await prepareKafkaTransport(kafka, {
      topicPrefix: kafkaOptions.topicPrefix,
      settings: topicSettingsFromEnv(),
    });
    const relay = new ProjectionRunner(
      db,
      databaseUrl,
      [kafkaRelay(producer, kafkaOptions.topicPrefix)],
      {
        onBatchApplied: (projection, events) =>
          metrics.eventsProjected.inc({ projection }, events.length),
        onError,
        batchSize: RELAY_BATCH_SIZE,
      },
    );
    const consumer = new KafkaProjectionConsumer({
      kafka,
      db,
      projections,
      producer,
      groupId: kafkaOptions.groupId,
      topicPrefix: kafkaOptions.topicPrefix,
      onBatchApplied: observeBatch,
      onDeadLetter: (projection, error) => {
        metrics.deadLetters.inc({ projection });
        logger.warn({ err: error, projection }, 'event sent to the dead-letter topic');
      },
    });
    await relay.start();
    await consumer.start();
    stops.push(
      () => consumer.stop(),
      () => relay.stop(),
      () => producer.disconnect(),
    );
  } else {
    const runner = new ProjectionRunner(db, databaseUrl, projections, {
      onBatchApplied: observeBatch,
      onError,
    });
    await runner.start();
    stops.push(() => runner.stop());
  }

  let server: Server | null = null;
  let metricsUrl: string | null = null;
  if (metricsPort !== undefined) {
    server = createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      metrics.registry
        .metrics()
        .then((body) =>
          response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
        )
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => server!.listen(metricsPort, '127.0.0.1', resolve));
    const address = server.address();
    metricsUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : metricsPort}/metrics`;
  }
  logger.info(
    {
      projections: projections.map((p) => p.name),
      transport: kafkaOptions ? `kafka ${kafkaOptions.brokers}` : 'postgres log',
      metricsUrl,
    },
    'worker started',
  );

  // Ctrl-C reaches both the launcher and its children: stopping twice must be harmless.
  let stopped: Promise<void> | null = null;
  const stop = async () => {
    for (const stopPart of stops) await stopPart();
    if (server) await new Promise((resolve) => server.close(resolve));
    await db.destroy();
    logger.info('worker stopped');
  };
  return { metricsUrl, stop: () => (stopped ??= stop()) };
};
