import { resolve } from 'node:path';
import { z } from 'zod';
import {
  connectAndMigrate,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@chorus/event-store';
import { startDemoMailbox, type DemoMailbox } from './demo-mailbox';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, DEMO_SLUG, seedDemoWorkspace } from './demo-seed';
import { startNodeProcess, stopProcess, waitForHealthy, type ManagedProcess } from './processes';

const projectRoot = resolve(__dirname, '../../..');
const DEFAULT_DEMO_TOKEN = 'chorus-demo-admin-token';

const Env = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  CHORUS_DATA_DIR: z.string().default(resolve(projectRoot, '.data')),
  CHORUS_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  CHORUS_DEMO_ADMIN_TOKEN: z
    .string()
    .min(16, 'CHORUS_DEMO_ADMIN_TOKEN must be at least 16 characters.')
    .optional(),
  CHORUS_SEED_DEMO: z.enum(['true', 'false']).optional(),
  SMTP_URL: z.string().optional(),
});

const log = (message: string) => console.log(`[chorus] ${message}`);

const main = async () => {
  const env = Env.parse(process.env);
  const embedded = env.DATABASE_URL === undefined;
  const demo = env.CHORUS_SEED_DEMO ? env.CHORUS_SEED_DEMO === 'true' : embedded;
  // A well-known password would be a way in: the demo has one only outside production.
  const production = env.NODE_ENV === 'production';
  if (demo && env.NODE_ENV === 'production' && env.CHORUS_DEMO_ADMIN_TOKEN === undefined) {
    throw new Error(
      'Refusing to start a demo workspace with the well-known default admin token in production. Set CHORUS_DEMO_ADMIN_TOKEN or CHORUS_SEED_DEMO=false.',
    );
  }
  const adminToken = env.CHORUS_DEMO_ADMIN_TOKEN ?? DEFAULT_DEMO_TOKEN;

  let postgres: EmbeddedPostgresHandle | null = null;
  let mailbox: DemoMailbox | null = null;
  const children: ManagedProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((child) => stopProcess(child)));
    if (postgres) await postgres.stop();
    await mailbox?.close();
    log('stopped');
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    let databaseUrl = env.DATABASE_URL;
    if (databaseUrl === undefined) {
      const dataDir = resolve(env.CHORUS_DATA_DIR, 'postgres');
      log(`starting embedded PostgreSQL (data in ${dataDir}, port ${env.CHORUS_PG_PORT})`);
      postgres = await startEmbeddedPostgres({
        dataDir,
        port: env.CHORUS_PG_PORT,
        leaveSignalsToCaller: true,
      });
      databaseUrl = postgres.url;
    }
    const db = await connectAndMigrate({ url: databaseUrl, applicationName: 'chorus-launcher' });
    log('database migrated');
    if (demo) {
      const started = Date.now();
      const seed = await seedDemoWorkspace(db, adminToken, {
        adminPassword: production ? undefined : DEMO_ADMIN_PASSWORD,
      });
      log(
        seed.seeded
          ? `seeded the demo workspace: ${seed.feedback} feedback items, ${seed.votes} votes (${Date.now() - started} ms)`
          : 'demo workspace already seeded',
      );
    }
    await db.destroy();

    const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
    // The demo mails (sign-in codes, notifications) into a local mailbox unless SMTP_URL says
    // where mail goes; production never gets one.
    if (demo && !production && env.SMTP_URL === undefined) {
      mailbox = await startDemoMailbox(resolve(env.CHORUS_DATA_DIR, 'mail'), (message) =>
        log(message),
      );
    }
    const common = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: env.NODE_ENV ?? 'development',
      CHORUS_PUBLIC_URL: process.env.CHORUS_PUBLIC_URL ?? url,
      ...(mailbox ? { SMTP_URL: mailbox.smtpUrl } : {}),
    };
    children.push(
      startNodeProcess('worker', resolve(projectRoot, 'apps/worker/dist/main.js'), common),
    );
    children.push(
      startNodeProcess('api', resolve(projectRoot, 'apps/api/dist/main.js'), {
        ...common,
        PORT: String(env.PORT),
        HOST: env.HOST,
        WEB_DIST_DIR: resolve(projectRoot, 'apps/web/dist'),
      }),
    );
    for (const child of children) {
      void child.exited.then((code) => {
        if (!stopping) {
          log(`${child.name} exited unexpectedly (code ${code}); stopping everything`);
          void shutdown(1);
        }
      });
    }
    await waitForHealthy(`${url}/api/health`, 60_000, () => !stopping);
    log('ready');
    console.log('');
    console.log(`  Chorus is running at ${url}`);
    if (demo) {
      console.log(`  Open the admin app:   ${url}/#token=${adminToken}`);
      console.log(`  Demo admin token:     ${adminToken}`);
      if (!production) {
        console.log(`  Or sign in with:      ${DEMO_ADMIN_EMAIL} / ${DEMO_ADMIN_PASSWORD}`);
      }
      console.log(`  Customer portal:      ${url}/p/${DEMO_SLUG}`);
    }
    console.log(`  API docs:             ${url}/api/docs`);
    if (mailbox) {
      console.log(`  Mail is not sent:     it is kept in ${mailbox.dir} and shown here`);
    }
    console.log('  Press Ctrl-C to stop everything.');
    console.log('');
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
};

void main();
