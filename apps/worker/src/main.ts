import { createWorkerLogger } from './logger';
import { startWorker } from './worker';

const logger = createWorkerLogger(process.env.LOG_LEVEL);

const main = async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error('DATABASE_URL is required (npm start sets it for the embedded Postgres).');
  const metricsPort = process.env.WORKER_METRICS_PORT;
  const worker = await startWorker({
    databaseUrl,
    metricsPort: metricsPort === undefined ? undefined : Number(metricsPort),
    logger,
    kafka: process.env.KAFKA_BROKERS
      ? { brokers: process.env.KAFKA_BROKERS, topicPrefix: process.env.CHORUS_TOPIC_PREFIX }
      : undefined,
  });
  const shutdown = () => {
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Started by the launcher: stop when it goes, even if it was killed without a word.
  if (process.send) process.once('disconnect', shutdown);
};

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
});
