import 'reflect-metadata';
import { z } from 'zod';
import { createApp } from './app';

const Env = z.object({
  DATABASE_URL: z.string({ error: 'DATABASE_URL is required (npm start sets it).' }).min(1),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(20),
  HEALTH_MAX_LAG_SECONDS: z.coerce.number().positive().default(30),
  WEB_DIST_DIR: z.string().optional(),
  KAFKA_BROKERS: z.string().optional(),
});

const main = async () => {
  const env = Env.parse(process.env);
  const app = await createApp({
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    healthMaxLagSeconds: env.HEALTH_MAX_LAG_SECONDS,
    webDistDir: env.WEB_DIST_DIR,
    transport: env.KAFKA_BROKERS ? 'kafka' : 'postgres',
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
  console.error(error);
  process.exit(1);
});
