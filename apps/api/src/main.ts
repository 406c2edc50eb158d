import 'reflect-metadata';
import { z } from 'zod';
import { defaultWebhookUrlPolicy } from '@chorus/domain';
import { createApp } from './app';
import { DEFAULT_BODY_LIMITS, redactSecrets } from './platform/hardening';
import { DEFAULT_MAIL_FROM } from './platform/mailer';
import { PRODUCTION_RATE_LIMITS } from './platform/rate-limit';

const perMinute = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const bytes = (fallback: number) => z.coerce.number().int().min(1024).default(fallback);

const origins = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^https?:\/\/[^/\s]+$/,
          'CORS_ORIGINS lists origins such as https://app.example.com, comma-separated, without paths.',
        ),
    ),
  );

/** Express's `trust proxy`: true/false, a hop count, or addresses and subnets (e.g. loopback). */
const trustProxy = z
  .string()
  .default('false')
  .transform((value) =>
    value === 'true'
      ? true
      : value === 'false'
        ? false
        : /^\d+$/.test(value)
          ? Number(value)
          : value,
  );

const Env = z.object({
  DATABASE_URL: z.string({ error: 'DATABASE_URL is required (npm start sets it).' }).min(1),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(20),
  HEALTH_MAX_LAG_SECONDS: z.coerce.number().positive().default(30),
  WEB_DIST_DIR: z.string().optional(),
  KAFKA_BROKERS: z.string().optional(),
  RATE_LIMIT_PER_IP_PER_MINUTE: perMinute(PRODUCTION_RATE_LIMITS.perIpPerMinute),
  RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: perMinute(PRODUCTION_RATE_LIMITS.perCredentialPerMinute),
  BODY_LIMIT_JSON_BYTES: bytes(DEFAULT_BODY_LIMITS.jsonBytes),
  BODY_LIMIT_CSV_BYTES: bytes(DEFAULT_BODY_LIMITS.csvBytes),
  CORS_ORIGINS: origins,
  TRUST_PROXY: trustProxy,
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'SMTP_URL looks like smtp://user:password@mail.example.com:587.')
    .optional(),
  MAIL_FROM: z.string().min(1).default(DEFAULT_MAIL_FROM),
  WEBHOOKS_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  SLACK_WEBHOOK_URL_PREFIX: z.string().min(8).default(defaultWebhookUrlPolicy.slackUrlPrefix),
});

const main = async () => {
  const env = Env.parse(process.env);
  const app = await createApp({
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    healthMaxLagSeconds: env.HEALTH_MAX_LAG_SECONDS,
    webDistDir: env.WEB_DIST_DIR,
    transport: env.KAFKA_BROKERS ? 'kafka' : 'postgres',
    hardening: {
      rateLimits: {
        perIpPerMinute: env.RATE_LIMIT_PER_IP_PER_MINUTE,
        perCredentialPerMinute: env.RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE,
      },
      bodyLimits: { jsonBytes: env.BODY_LIMIT_JSON_BYTES, csvBytes: env.BODY_LIMIT_CSV_BYTES },
      corsOrigins: env.CORS_ORIGINS,
      trustProxy: env.TRUST_PROXY,
    },
    mail: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : undefined,
    webhooks: {
      allowHttp: env.WEBHOOKS_ALLOW_HTTP === 'true',
      slackUrlPrefix: env.SLACK_WEBHOOK_URL_PREFIX,
    },
    logger: ['error', 'warn'],
  });
  await app.listen(env.PORT, env.HOST);
  console.log(`chorus-api listening on http://${env.HOST}:${env.PORT}`);
  // Started by the launcher: stop when it goes, even if it was killed without a word.
  if (process.send) {
    process.once('disconnect', () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
};

main().catch((error: unknown) => {
  console.error(redactSecrets(error));
  process.exit(1);
});
