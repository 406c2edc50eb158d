// `npm run bench:dashboards`: the KPI dashboards on the large seed (`npm run seed:large` first).
// Measures how fast the kpis projection projects the whole log, then every dashboard endpoint
// and the `asOf` reads through the real HTTP API. See README.md.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, running, startChild, stopChild, assertAlive } from './lib/children.mjs';
import { envNumber, gitCommit, machineOf } from './lib/env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
// event-store first: it loads reflect-metadata, which the API's decorators need.
const {
  PostgresEventStore,
  connectAndMigrate,
  rebuildProjection,
  startEmbeddedPostgres,
} = require('@chorus/event-store');
const { projections } = require('@chorus/worker');
const { KpiReader } = require(join(root, 'apps/api/dist/dashboards/kpi-reader.js'));

const config = {
  requests: envNumber('BENCH_DASHBOARD_REQUESTS', 60),
  warmup: 5,
  asOfRequests: envNumber('BENCH_ASOF_REQUESTS', 10),
  rebuild: process.env.BENCH_SKIP_REBUILD !== '1',
  poolSize: 20,
};
const targets = { p95Ms: 50, eventsPerSecond: 5000, asOfMs: 2000 };
const LARGE_SEED_ADMIN_EMAIL = 'admin@scale.chorus.dev';
const BENCH_EMAIL = 'bench@scale.chorus.dev';

const resultsDir = join(root, 'bench-results');
const logDir = join(resultsDir, 'logs');
const log = (message) => console.log(`[bench:dashboards] ${message}`);

let postgres = null;
let db = null;
const tearDown = async () => {
  await Promise.all([...running].map((child) => stopChild(child, 5000)));
  if (db?.isInitialized) await db.destroy().catch(() => {});
  await postgres?.stop();
};
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => void tearDown().finally(() => process.exit(code)));
}

/** The large seed's database: DATABASE_URL, or the embedded one seed:large wrote. */
const openDatabase = async () => {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dataDir = resolve(process.env.CHORUS_DATA_DIR ?? join(root, '.data'), 'postgres');
  if (!existsSync(dataDir)) {
    throw new Error(`no database in ${dataDir}: run npm run seed:large first`);
  }
  postgres = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.CHORUS_PG_PORT ?? (await freePort())),
    leaveSignalsToCaller: true,
  });
  return postgres.url;
};

const percentile = (sorted, q) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 10) / 10;

/** One client, closed loop: the next GET goes as soon as the last one answered. */
const measure = async (origin, token, paths) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = [];
  const failures = [];
  for (const path of paths) {
    const started = performance.now();
    const status = await new Promise((resolveRequest) => {
      const request = http.get(
        `${origin}${path}`,
        { agent, headers: { authorization: `Bearer ${token}` } },
        (response) => {
          response.resume();
          response.on('end', () => resolveRequest(response.statusCode));
        },
      );
      request.on('error', (error) => resolveRequest(error.message));
    });
    latencies.push(performance.now() - started);
    if (status !== 200) failures.push(`${status} ${path}`);
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: paths.length,
    failed: failures.length,
    failures: failures.slice(0, 3),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: percentile(latencies, 1),
  };
};

/**
 * Each figure's query on its own (median of five after one warm-up): what a dashboard panel
 * that asked for one figure would cost at the least, before HTTP and the other figures.
 */
const timeFigures = async (db, workspaceId, day) => {
  const reader = new KpiReader((text, values) => db.query(text, values), null);
  const rows = [];
  for (const span of [30, 90]) {
    const q = { workspaceId, from: day(span - 1), to: day(0) };
    const g = span > 31 ? 'week' : 'day';
    const figures = {
      'feedback volume': () => reader.feedbackVolume(q, g),
      'votes over time': () => reader.votesOverTime(q, g),
      'unique voters': () => reader.uniqueVoters(q, g),
      'active customers and companies': () => reader.activeCustomers(q, g),
      'top requests by votes and by revenue': () => reader.topRequestLists(q, 10),
      'response and triage times': () => reader.responseTimes(q),
      'status funnel': () => reader.statusFunnel(q),
      'ageing of unresolved feedback': () => reader.feedbackAgeing(q),
      'linked to backlog and roadmap': () => reader.linkedShares(q),
      'closed loop and lead time': () => reader.closedLoop(q),
      'revenue at stake vs delivered': () => reader.revenueByQuarter(q),
      'sprint velocity': () => reader.sprintVelocity(q, g),
      'backlog health': () => reader.backlogHealth(q),
      'roadmap progress': () => reader.roadmapProgress(q),
    };
    for (const [name, figure] of Object.entries(figures)) {
      await figure();
      const times = [];
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        await figure();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      rows.push({ days: span, name, medianMs: Math.round(times[2] * 10) / 10 });
    }
  }
  return rows;
};

const main = async () => {
  mkdirSync(logDir, { recursive: true });
  const url = await openDatabase();
  db = await connectAndMigrate({ url, poolSize: config.poolSize, applicationName: 'chorus-bench' });
  const [admin] = await db.query(`SELECT workspace_id FROM users WHERE email = $1`, [
    LARGE_SEED_ADMIN_EMAIL,
  ]);
  if (!admin) throw new Error('this database holds no large seed: run npm run seed:large first');
  const workspaceId = admin.workspace_id;
  // A teammate of the scale workspace for the bench, with a token only it knows.
  const token = `chorus_${randomBytes(24).toString('base64url')}`;
  await db.query(
    `INSERT INTO users (id, workspace_id, name, email, role, token_sha256)
     VALUES ($1, $2, 'Bench Teammate', $3, 'staff', $4)
     ON CONFLICT (workspace_id, email) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256`,
    [randomUUID(), workspaceId, BENCH_EMAIL, createHash('sha256').update(token).digest()],
  );
  const [{ server_version: postgresVersion }] = await db.query('SHOW server_version');
  const [{ events, anchor }] = await db.query(
    `SELECT count(*)::int AS events, max(metadata->>'occurredAt') AS anchor FROM events`,
  );

  let projection = null;
  if (config.rebuild) {
    const kpis = projections.find((p) => p.name === 'kpis');
    const [{ handled }] = await db.query(
      `SELECT count(*)::int AS handled FROM events WHERE type = ANY($1)`,
      [[...kpis.handles]],
    );
    log(`projecting the whole log (${events.toLocaleString('en-US')} events) into the KPI rollup…`);
    const started = performance.now();
    const scanned = await rebuildProjection(db, new PostgresEventStore(db), kpis);
    const seconds = (performance.now() - started) / 1000;
    // What autovacuum does in a steady state: statistics, and the visibility map that lets
    // index-only scans skip the heap (right after a bulk load nothing is marked all-visible).
    await db.query('VACUUM ANALYZE');
    const [{ versions }] = await db.query(
      `SELECT (SELECT count(*) FROM kpi_feedback) + (SELECT count(*) FROM kpi_ballots)
         + (SELECT count(*) FROM kpi_votes_daily_changes) + (SELECT count(*) FROM kpi_voter_days)
         + (SELECT count(*) FROM kpi_active_days) AS versions`,
    );
    projection = {
      scanned,
      handled,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round(handled / seconds),
      versions: Number(versions),
    };
    log(
      `${handled.toLocaleString('en-US')} KPI events projected in ${projection.seconds} s: ${projection.eventsPerSecond.toLocaleString('en-US')}/s`,
    );
  }

  const port = await freePort();
  const api = await startChild({
    name: 'dashboards-api',
    script: join(root, 'apps/api/dist/main.js'),
    env: {
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_POOL_SIZE: String(config.poolSize),
      NODE_ENV: 'production',
      // One address and a few tokens drive thousands of requests a second: measure, don't throttle.
      RATE_LIMIT_PER_IP_PER_MINUTE: '0',
      RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: '0',
    },
    readyPattern: /chorus-api listening/,
    logDir,
  });
  const origin = `http://127.0.0.1:${port}`;
  const day = (offset) =>
    new Date(Date.parse(anchor) - offset * 86_400_000).toISOString().slice(0, 10);
  const [board] = await db.query(
    `SELECT board_id FROM kpi_feedback WHERE workspace_id = $1 AND valid_to IS NULL
     GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [workspaceId],
  );
  const [segment] = await db.query(
    `SELECT segment FROM kpi_companies WHERE workspace_id = $1 AND valid_to IS NULL
       AND segment IS NOT NULL LIMIT 1`,
    [workspaceId],
  );
  const to = day(0);
  const scenarios = [
    ['PM, last 30 days vs the 30 before', `/api/v1/dashboards/pm?to=${to}`],
    ['PM, last 90 days by week', `/api/v1/dashboards/pm?from=${day(89)}&to=${to}&granularity=week`],
    ['PM, 30 days, one board', `/api/v1/dashboards/pm?to=${to}&boardId=${board.board_id}`],
    ['PM, 30 days, one segment', `/api/v1/dashboards/pm?to=${to}&segment=${segment.segment}`],
    ['PO, last 90 days', `/api/v1/dashboards/po?from=${day(89)}&to=${to}`],
    [
      'CSV: top requests by revenue, 30 days',
      `/api/v1/dashboards/pm/tables/top-by-revenue.csv?to=${to}&compare=false`,
    ],
    ['Drill: feedback submitted in 30 days', `/api/v1/dashboards/drill?of=submitted&to=${to}`],
  ];
  log('each figure on its own…');
  const figures = await timeFigures(db, workspaceId, day);
  const endpoints = [];
  for (const [name, path] of scenarios) {
    log(`${name}…`);
    await measure(origin, token, Array(config.warmup).fill(path));
    endpoints.push({
      name,
      path,
      ...(await measure(origin, token, Array(config.requests).fill(path))),
    });
  }
  const moments = Array.from({ length: config.asOfRequests }, (_, i) =>
    new Date(Date.parse(anchor) - (30 + i * 67) * 86_400_000).toISOString(),
  );
  const asOfScenarios = [
    ['PM dashboard as of a past moment', (at) => `/api/v1/dashboards/pm?asOf=${at}`],
    ['PO dashboard as of a past moment', (at) => `/api/v1/dashboards/po?asOf=${at}`],
    ['Roadmap as of a past moment', (at) => `/api/v1/roadmap?asOf=${at}`],
    ['Backlog as of a past moment', (at) => `/api/v1/backlog?asOf=${at}&limit=50`],
  ];
  const asOf = [];
  for (const [name, path] of asOfScenarios) {
    log(`${name}…`);
    asOf.push({ name, ...(await measure(origin, token, moments.map(path))) });
  }
  assertAlive(api);
  await stopChild(api);

  const result = {
    startedAt: new Date().toISOString(),
    commit: gitCommit(root),
    machine: machineOf(postgresVersion),
    config,
    log: { events },
    projection,
    endpoints,
    figures,
    asOf,
    targets,
  };
  writeFileSync(join(resultsDir, 'dashboards-latest.json'), JSON.stringify(result, null, 2));

  const m = result.machine;
  const pass = (ok) => (ok ? 'PASS' : 'FAIL');
  const endpointOk = (r) => r.failed === 0 && r.p95 < targets.p95Ms;
  const asOfOk = (r) => r.failed === 0 && r.max < targets.asOfMs;
  console.log(`
${m.cpu} · ${m.cores} cores · ${m.memoryGb} GB RAM · Node ${m.node} · PostgreSQL ${m.postgres} · load avg ${m.loadavg[0]} after · ${result.startedAt.slice(0, 10)} · commit ${result.commit}

Large seed: ${events.toLocaleString('en-US')} events. ${
    projection
      ? `KPI projection: ${projection.handled.toLocaleString('en-US')} events in ${projection.seconds} s = **${projection.eventsPerSecond.toLocaleString('en-US')} events/s** (target ≥ ${targets.eventsPerSecond.toLocaleString('en-US')}/s) ${pass(projection.eventsPerSecond >= targets.eventsPerSecond)}; ${projection.versions.toLocaleString('en-US')} rows of history in the big tables.`
      : 'KPI projection not rebuilt (BENCH_SKIP_REBUILD=1).'
  }

| Endpoint (one client, ${config.requests} requests) | p50 | p95 | max | Target | |
| --- | --- | --- | --- | --- | --- |
${endpoints.map((r) => `| ${r.name} | ${r.p50} ms | **${r.p95} ms** | ${r.max} ms | p95 < ${targets.p95Ms} ms | ${pass(endpointOk(r))} |`).join('\n')}

| asOf (${config.asOfRequests} moments over two years) | p50 | max | Target | |
| --- | --- | --- | --- | --- |
${asOf.map((r) => `| ${r.name} | ${r.p50} ms | **${r.max} ms** | < ${targets.asOfMs} ms | ${pass(asOfOk(r))} |`).join('\n')}

| Figure, one query at a time (median of 5) | 30 days | 90 days |
| --- | --- | --- |
${[...new Set(figures.map((f) => f.name))]
  .map(
    (name) =>
      `| ${name} | ${figures
        .map((f) => (f.name === name ? `${f.medianMs} ms` : null))
        .filter(Boolean)
        .join(' | ')} |`,
  )
  .join('\n')}`);
  for (const r of [...endpoints, ...asOf]) {
    if (r.failures.length > 0) console.log(`failures: ${r.failures.join('; ')}`);
  }
  const ok =
    endpoints.every(endpointOk) &&
    asOf.every(asOfOk) &&
    (!projection || projection.eventsPerSecond >= targets.eventsPerSecond);
  return ok ? 0 : 2;
};

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('[bench:dashboards] failed:', error);
} finally {
  await tearDown();
}
process.exit(code);
