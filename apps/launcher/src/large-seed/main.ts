import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  connectAndMigrate,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@chorus/event-store';
import { projections } from '@chorus/worker';
import { catchUpProjections, type ProjectionProgress } from './catch-up';
import { DEFAULT_ANCHOR, HISTORY_DAYS, LARGE_SEED_ADMIN_EMAIL } from './history';
import { seedLargeWorkspace } from './seed';

const projectRoot = resolve(__dirname, '../../../..');

const Env = z.object({
  DATABASE_URL: z.string().optional(),
  CHORUS_DATA_DIR: z.string().default(resolve(projectRoot, '.data')),
  CHORUS_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
});

const Options = z.object({
  scale: z.coerce
    .number({ error: '--scale must be a number, like 0.01.' })
    .positive('--scale must be above 0.')
    .max(10, '--scale must be at most 10.')
    .default(1),
  seed: z.coerce
    .number({ error: '--seed must be a whole number.' })
    .int('--seed must be a whole number.')
    .default(1),
  anchor: z.iso
    .datetime({
      offset: true,
      message: '--anchor must be a date and time like 2026-11-30T00:00:00Z.',
    })
    .default(DEFAULT_ANCHOR.toISOString()),
  'admin-token': z.string().min(16, '--admin-token must be at least 16 characters.').optional(),
});

const log = (message: string) => console.log(`[seed:large] ${message}`);
const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The Postgres of a running `npm start` (its postmaster.pid names the port), else the embedded
 * one started here on its data dir, stopped at the end.
 */
const embeddedDatabase = async (
  env: z.infer<typeof Env>,
): Promise<{ url: string; postgres: EmbeddedPostgresHandle | null }> => {
  const dataDir = resolve(env.CHORUS_DATA_DIR, 'postgres');
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    if (isPostgresRunning(Number(pid))) {
      log(`using the running embedded PostgreSQL of npm start (port ${port})`);
      return { url: `postgres://chorus:chorus@127.0.0.1:${port}/chorus`, postgres: null };
    }
  }
  log(`starting embedded PostgreSQL (data in ${dataDir}, port ${env.CHORUS_PG_PORT})`);
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: env.CHORUS_PG_PORT,
    leaveSignalsToCaller: true,
  });
  return { url: postgres.url, postgres };
};

const isPostgresRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
};

const usage =
  'usage: npm run seed:large -- [--scale 1] [--seed 1] [--anchor 2026-11-30T00:00:00Z] [--admin-token <token>]';

const parseOptions = (): z.infer<typeof Options> => {
  try {
    const { values } = parseArgs({
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        anchor: { type: 'string' },
        'admin-token': { type: 'string' },
      },
    });
    const parsed = Options.safeParse(values);
    if (parsed.success) return parsed.data;
    console.error(parsed.error.issues.map((issue) => issue.message).join('\n'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  console.error(usage);
  process.exit(2);
};

/**
 * `npm run seed:large [-- --scale 0.01 --seed 7 --anchor 2026-11-30T00:00:00Z]`: two years of a
 * busy workspace (`LargeHistory`) into DATABASE_URL or the embedded Postgres of `npm start`,
 * once per database; then every projection caught up.
 */
const main = async () => {
  const env = Env.parse(process.env);
  const options = parseOptions();
  const anchor = new Date(options.anchor);

  const { url, postgres } = env.DATABASE_URL
    ? { url: env.DATABASE_URL, postgres: null }
    : await embeddedDatabase(env);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await postgres?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));

  try {
    const db = await connectAndMigrate({ url, poolSize: 12, applicationName: 'chorus-seed-large' });
    const from = new Date(anchor.getTime() - HISTORY_DAYS * 86_400_000);
    log(
      `writing ${HISTORY_DAYS} days of history (${from.toISOString().slice(0, 10)} to ${anchor.toISOString().slice(0, 10)}), scale ${options.scale}, seed ${options.seed}`,
    );
    const started = Date.now();
    let reported = 0;
    const result = await seedLargeWorkspace(
      db,
      { seed: options.seed, scale: options.scale, anchor, adminToken: options['admin-token'] },
      (written) => {
        if (written - reported < 100_000) return;
        reported = written;
        log(
          `${count(written)} events written (${count(Math.round(written / ((Date.now() - started) / 1000)))}/s)`,
        );
      },
    );
    if (!result.seeded) {
      log('this database already holds the scale workspace; refusing to seed it twice.');
      await db.destroy();
      await stop(1);
      return;
    }
    const writeMs = Date.now() - started;
    const { totals } = result;
    const of = (type: string) => totals.byType.get(type) ?? 0;
    log(
      `wrote ${count(totals.events)} events in ${seconds(writeMs)} (${count(Math.round(totals.events / (writeMs / 1000)))}/s)`,
    );
    log(
      [
        `${count(of('CompanyCreated'))} companies`,
        `${count(of('CustomerCreated'))} customers`,
        `${count(of('FeedbackSubmitted'))} feedback items`,
        `${count(of('VoteCast'))} votes (${count(of('VoteWithdrawn'))} withdrawn)`,
        `${count(of('CommentPosted'))} comments`,
        `${count(of('FeedbackStatusChanged'))} status changes`,
        `${count(of('FeedbackMerged'))} merges`,
        `${count(of('BacklogItemCreated'))} backlog items`,
        `${count(of('SprintCreated'))} sprints`,
        `${count(of('ReleasePublished'))} releases published`,
        `${count(of('PersonNotified'))} notifications`,
      ].join(', '),
    );
    // Fresh statistics, so the planner does not read the new log as empty (BENCHMARKS.md).
    await db.query('ANALYZE events');

    log('catching the projections up…');
    const catchUpStarted = Date.now();
    const { progress, done } = await catchUpProjections(db, projections);
    const percent = (p: ProjectionProgress) =>
      Math.min(100, Math.floor((100 * p.done) / Math.max(1, p.backlog)));
    // Only the projections still behind: the slow one is what the wait is for.
    const report = () =>
      log(
        `${progress()
          .filter((p) => p.done < p.backlog)
          .map((p) => `${p.name} ${percent(p)}%`)
          .join(', ')} (${seconds(Date.now() - catchUpStarted)})`,
      );
    const ticker = setInterval(report, 15_000);
    try {
      await done;
    } finally {
      clearInterval(ticker);
    }
    await db.query('ANALYZE');
    log(`projections caught up in ${seconds(Date.now() - catchUpStarted)}`);
    log(`done in ${seconds(Date.now() - started)}`);
    log(`admin: ${LARGE_SEED_ADMIN_EMAIL}, token ${result.adminToken}`);
    await db.destroy();
    await stop(0);
  } catch (error) {
    console.error(error);
    await stop(1);
  }
};

void main();
