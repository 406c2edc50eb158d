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
import { MailDispatcher } from './mail/mail-dispatcher';
import type { MailOptions } from './mail/mail-options';
import { createWorkerMetrics } from './metrics';
import { projections } from './projections';
import { webhookDeliveriesProjection } from './projections/webhook-deliveries/webhook-deliveries.projection';
import { WebhookDispatcher, type WebhookDeliveryOptions } from './webhooks/webhook-dispatcher';

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
  /** With an SMTP server, the worker mails notifications and weekly digests. */
  mail?: MailOptions;
  /** How webhook and Slack deliveries are retried and timed, and where their links point. */
  webhooks?: WebhookDeliveryOptions;
};

export type RunningWorker = { metricsUrl: string | null; stop: () => Promise<void> };

export const startWorker = async ({
  databaseUrl,
  metricsPort,
  logger = createWorkerLogger(),
  kafka: kafkaOptions,
  mail,
  webhooks,
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
      // Webhook deliveries match each event against the subscriptions of its moment in the log:
      // they need the log's order across streams, which Kafka keeps only per partition.
      [kafkaRelay(producer, kafkaOptions.topicPrefix), webhookDeliveriesProjection],
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
      projections: projections.filter((p) => p !== webhookDeliveriesProjection),
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

  if (mail) {
    const dispatcher = new MailDispatcher(db, databaseUrl, mail, logger);
    await dispatcher.start();
    // Stopped first: the mail being sent is finished and recorded before the pool closes.
    stops.unshift(() => dispatcher.stop());
  }

  const webhookDispatcher = new WebhookDispatcher(db, databaseUrl, logger, webhooks);
  await webhookDispatcher.start();
  // Stopped first too: the requests in flight are answered and recorded before the pool closes.
  stops.unshift(() => webhookDispatcher.stop());

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
      mail: mail ? mail.publicUrl : 'off',
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
