import { createWorkerLogger } from './logger';
import { DEFAULT_MAIL_FROM, type MailOptions } from './mail/mail-options';
import { startWorker } from './worker';

const logger = createWorkerLogger(process.env.LOG_LEVEL);

/**
 * Mail goes out when `SMTP_URL` is set (the API's codes use the same server), from `MAIL_FROM`,
 * with links to `CHORUS_PUBLIC_URL` — by default the address `npm start` serves on.
 */
const mailOptions = (): MailOptions | undefined => {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) return undefined;
  if (!/^smtps?:\/\/\S+$/.test(smtpUrl)) {
    throw new Error('SMTP_URL looks like smtp://user:password@mail.example.com:587.');
  }
  const publicUrl = (
    process.env.CHORUS_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`
  ).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) {
    throw new Error('CHORUS_PUBLIC_URL looks like https://chorus.example.com.');
  }
  return { smtpUrl, from: process.env.MAIL_FROM || DEFAULT_MAIL_FROM, publicUrl };
};

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
    mail: mailOptions(),
    webhooks: {
      publicUrl: process.env.CHORUS_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
      allowPrivateNetworks: process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS === 'true',
    },
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
