// `npm run bench`: the write path and the projections of Chorus on a throwaway embedded Postgres.
// Phases: ceiling (bare http + pg INSERT), vote throughput at 50 clients, a steady 500 votes/s with
// commit-to-read-model lag, and projection catch-up over a 200,000-event backlog. See README.md.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { assertAlive, freePort, running, startChild, stopChild } from './lib/children.mjs';
import { coresUsed, cpuSnapshot } from './lib/cpu.mjs';
import { closedLoop, openLoop } from './lib/load.mjs';
import { checkFloors, renderReport } from './lib/report.mjs';
import { envNumber, gitCommit } from './lib/env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
// CommonJS workspace packages; event-store first: it loads reflect-metadata, which the API's decorators need.
const {
  PostgresEventStore,
  RELAY_BATCH_SIZE,
  boundedContexts,
  catchUp: catchUpProjection,
  connectAndMigrate,
  createKafka,
  deadLetterTopic,
  ensureTopics,
  kafkaRelay,
  startEmbeddedPostgres,
  toKafkaRecord,
  topicFor,
} = require('@chorus/event-store');
const { provisionWorkspace } = require('@chorus/api');
const { projections } = require('@chorus/worker');
const { ballotStreamId, chorusEvents, feedbackStreamId } = require('@chorus/domain');

const config = {
  seconds: envNumber('BENCH_SECONDS', 20),
  warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 3),
  connections: envNumber('BENCH_CONNECTIONS', 50),
  steadyRate: envNumber('BENCH_RATE', 500),
  backlogEvents: envNumber('BENCH_BACKLOG_EVENTS', 200_000),
  customers: 1000,
  feedbackItems: 200,
  // The API's default DATABASE_POOL_SIZE; the ceiling server gets the same.
  poolSize: 20,
};

const floors = {
  votesPerSecond: 1500,
  steadyP99Ms: 100,
  projectionEventsPerSecond: 20_000,
  lagP99Ms: 500,
  relayEventsPerSecond: 20_000,
  kafkaLagP99Ms: 1000,
};

const resultsDir = join(root, 'bench-results');
const logDir = join(resultsDir, 'logs');
const projectionNames = projections.map((p) => p.name);
const log = (message) => console.log(`[bench] ${message}`);
const pick = (items) => items[Math.floor(Math.random() * items.length)];

// ---------------------------------------------------------------------------------------------
// Teardown: children, Postgres and the temp dir go, whichever way the run ends.

let tmpDir = null;
let postgres = null;
let db = null;
let broker = null;
let interrupted = false;

let tearingDown = null;
const tearDown = (graceMs) =>
  (tearingDown ??= (async () => {
    await Promise.all([...running].map((child) => stopChild(child, graceMs)));
    if (broker) kafkaScript('stop', broker.env);
    if (db?.isInitialized) await db.destroy().catch(() => {});
    await postgres?.stop();
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  })());

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping everything…`);
    void tearDown(0).finally(() => process.exit(code));
  });
}

// Last resort when the process dies any other way: no child or temp dir may outlive it.
process.on('exit', () => {
  for (const { child } of running) child.kill('SIGKILL');
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true, maxRetries: 3 });
});

// ---------------------------------------------------------------------------------------------
// Processes under test.

const startApi = async (databaseUrl = postgres.url) => {
  const port = await freePort();
  const api = await startChild({
    name: 'api',
    script: join(root, 'apps/api/dist/main.js'),
    env: {
      DATABASE_URL: databaseUrl,
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
  return Object.assign(api, { origin: `http://127.0.0.1:${port}` });
};

const startWorker = async (extraEnv = {}) => {
  const port = await freePort();
  const worker = await startChild({
    name: extraEnv.KAFKA_BROKERS ? 'worker-kafka' : 'worker',
    script: join(root, 'apps/worker/dist/main.js'),
    env: {
      DATABASE_URL: postgres.url,
      WORKER_METRICS_PORT: String(port),
      NODE_ENV: 'production',
      ...extraEnv,
    },
    readyPattern: /worker started/,
    logDir,
  });
  return Object.assign(worker, { metricsUrl: `http://127.0.0.1:${port}/metrics` });
};

const postmasterPid = () =>
  Number(readFileSync(join(tmpDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

/** Runs `load` and adds how many cores each process kept busy meanwhile. */
const withCpu = async (roots, load) => {
  const before = cpuSnapshot(roots);
  const result = await load();
  return { ...result, cores: coresUsed(before, cpuSnapshot(roots)) };
};

/**
 * Runs `load` and adds, per Postgres wait state, how many of the API's sessions were in it on
 * average (sampled every 50 ms; CPU means running): where a vote spends its database time.
 */
const withApiWaits = async (load) => {
  const totals = new Map();
  let samples = 0;
  let loading = true;
  const sampling = (async () => {
    while (loading) {
      const rows = await db.query(`
        SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, count(*)::int AS sessions
        FROM pg_stat_activity WHERE application_name = 'chorus-api' AND state = 'active' GROUP BY 1`);
      for (const { wait, sessions } of rows) totals.set(wait, (totals.get(wait) ?? 0) + sessions);
      samples += 1;
      await sleep(50);
    }
  })();
  // Both awaited together, so a failing sampler is never an unhandled rejection.
  const [result] = await Promise.all([load().finally(() => (loading = false)), sampling]);
  const apiWaits = [...totals]
    .map(([wait, sessions]) => [wait, Math.round((sessions / samples) * 10) / 10])
    .sort((a, b) => b[1] - a[1]);
  return { ...result, apiWaits: Object.fromEntries(apiWaits.slice(0, 5)) };
};

/** Load average, and cores kept busy by processes that are not ours, over two seconds. */
const sampleLoad = async () => {
  const before = cpuSnapshot();
  await sleep(2000);
  return {
    loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100),
    otherCores: coresUsed(before, cpuSnapshot()).other,
  };
};

// ---------------------------------------------------------------------------------------------
// Read side checks.

const countVoteEvents = async () =>
  (await db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'VoteCast'`))[0].n;

/** Projections whose checkpoint is at the newest event of the log. */
const projectionsAtHead = async () => {
  const rows = await db.query(`
    SELECT c.projection,
      (c.transaction_id, c.global_position) >= (h.transaction_id, h.global_position) AS at_head
    FROM projection_checkpoints c CROSS JOIN (
      SELECT transaction_id, global_position FROM events
      ORDER BY transaction_id DESC, global_position DESC LIMIT 1) h`);
  return new Set(rows.filter((r) => r.at_head).map((r) => r.projection));
};

/** Polls until every projection is at the head; returns when each first got there. */
const waitForHead = async (worker, timeoutMs = 300_000) => {
  const started = performance.now();
  const reached = new Map();
  for (;;) {
    assertAlive(worker);
    const atHead = await projectionsAtHead();
    const now = performance.now();
    for (const name of atHead) if (!reached.has(name)) reached.set(name, now);
    if (projectionNames.every((name) => reached.has(name))) return reached;
    if (now - started > timeoutMs) {
      throw new Error(
        `projections still behind after ${timeoutMs} ms: ${projectionNames.filter((n) => !reached.has(n))}`,
      );
    }
    await sleep(20);
  }
};

/** The inbox's vote counts and the ballots read model against the standing votes in the log. */
const checkReadModel = async () => {
  const [row] = await db.query(`
    SELECT
      (SELECT coalesce(sum(vote_count), 0) FROM feedback_list)::int AS projected,
      (SELECT count(*) FROM feedback_ballots)::int AS ballots,
      (SELECT count(*) FROM (
        SELECT DISTINCT ON (stream_id) type FROM events
        WHERE stream_type = 'ballot' ORDER BY stream_id, version DESC) latest
       WHERE type = 'VoteCast')::int AS standing`);
  return { ...row, converged: row.projected === row.standing && row.ballots === row.standing };
};

/** The worker's commit-to-read-model lag histogram: cumulative bucket counts per projection. */
const scrapeLagBuckets = async (worker) => {
  const text = await (await fetch(worker.metricsUrl)).text();
  const buckets = {};
  for (const [, rawLabels, value] of text.matchAll(
    /^chorus_projection_lag_seconds_bucket\{([^}]*)\} (\S+)$/gm,
  )) {
    const labels = Object.fromEntries(
      [...rawLabels.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]),
    );
    (buckets[labels.projection] ??= []).push({ le: Number(labels.le), count: Number(value) });
  }
  for (const list of Object.values(buckets)) list.sort((x, y) => x.le - y.le);
  return buckets;
};

/**
 * p50/p99 in ms per projection, interpolated within buckets the way Prometheus'
 * histogram_quantile does, over the observations made since `baseline` (a previous scrape).
 */
const scrapeLag = async (worker, baseline = {}) => {
  const buckets = await scrapeLagBuckets(worker);
  const quantile = (sorted, q) => {
    const total = sorted[sorted.length - 1].count;
    const rank = q * total;
    let lower = 0;
    let below = 0;
    for (const { le, count } of sorted) {
      if (count >= rank) {
        if (!Number.isFinite(le)) return lower;
        return lower + ((le - lower) * (rank - below)) / Math.max(1, count - below);
      }
      lower = le;
      below = count;
    }
    return lower;
  };
  const lag = {};
  for (const [projection, list] of Object.entries(buckets)) {
    const before = baseline[projection] ?? [];
    const sorted = list.map((b, i) => ({ le: b.le, count: b.count - (before[i]?.count ?? 0) }));
    const count = sorted[sorted.length - 1].count;
    const ms = (q) => Math.round(quantile(sorted, q) * 10_000) / 10;
    lag[projection] = { count, p50: ms(0.5), p99: ms(0.99) };
  }
  return lag;
};

// ---------------------------------------------------------------------------------------------
// Phases.

const setUp = async () => {
  tmpDir = mkdtempSync(join(os.tmpdir(), 'chorus-bench-'));
  // As root, Postgres runs as its own user, which must be able to reach the data dir.
  chmodSync(tmpDir, 0o755);
  const postgresLog = createWriteStream(join(logDir, 'postgres.log'));
  postgres = await startEmbeddedPostgres({
    dataDir: join(tmpDir, 'pg'),
    port: await freePort(),
    persistent: false,
    onLog: (message) => postgresLog.write(message),
  });
  db = await connectAndMigrate({
    url: postgres.url,
    poolSize: config.poolSize,
    applicationName: 'chorus-bench',
  });
  const people = [
    { name: 'Bench Admin', email: 'admin@bench.test', role: 'admin' },
    ...Array.from({ length: config.customers }, (_, i) => ({
      name: `Customer ${i + 1}`,
      email: `customer${i + 1}@bench.test`,
      role: 'customer',
    })),
  ];
  const { workspaceId, people: provisioned } = await provisionWorkspace(
    db,
    { name: 'Bench', slug: 'bench' },
    people,
  );
  const admin = provisioned[0];
  const store = new PostgresEventStore(db);
  const feedbackIds = Array.from({ length: config.feedbackItems }, () => randomUUID());
  await Promise.all(
    feedbackIds.map((feedbackId, i) =>
      store.append(
        feedbackStreamId(feedbackId),
        0,
        [
          {
            type: 'FeedbackSubmitted',
            data: {
              feedbackId,
              title: `Bench idea ${i + 1}`,
              description: '',
              boardId: 'general',
              authorId: admin.id,
              statusId: 'open',
              moderation: 'approved',
              source: 'app',
              capturedBy: null,
              quote: null,
              categoryId: null,
            },
          },
        ],
        { workspaceId, actorId: admin.id, correlationId: randomUUID() },
      ),
    ),
  );
  const tokens = provisioned.slice(1).map((p) => p.token);
  const voteRequest = () => ({
    path: `/api/v1/feedback/${pick(feedbackIds)}/votes`,
    headers: { authorization: `Bearer ${pick(tokens)}` },
  });
  const [{ server_version: version }] = await db.query('SHOW server_version');
  return { workspaceId, feedbackIds, voteRequest, postgresVersion: version };
};

/** Warms up JIT, connection pools and the API's token cache; not measured. */
const warmUp = async (origin, next) => {
  if (config.warmupSeconds === 0) return;
  await closedLoop({
    origin,
    connections: config.connections,
    seconds: config.warmupSeconds,
    next,
  });
};

const measureClosedLoop = (origin, next) =>
  closedLoop({ origin, connections: config.connections, seconds: config.seconds, next });

const ceilingPhase = async () => {
  const port = await freePort();
  const server = await startChild({
    name: 'ceiling',
    script: join(here, 'ceiling-server.mjs'),
    env: { DATABASE_URL: postgres.url, PORT: String(port), POOL_SIZE: String(config.poolSize) },
    readyPattern: /ceiling listening/,
    logDir,
  });
  const origin = `http://127.0.0.1:${port}`;
  const next = () => ({ path: '/', headers: {} });
  await warmUp(origin, next);
  const roots = { ceiling: server.child.pid, postgres: postmasterPid() };
  const result = await withCpu(roots, () => measureClosedLoop(origin, next));
  assertAlive(server);
  await stopChild(server);
  return result;
};

// autocannon stops on time without waiting for the requests in flight; the API still completes them.
const settle = () => sleep(1000);

const votePhase = async ({ api, worker, voteRequest }, ceiling) => {
  await warmUp(api.origin, voteRequest);
  await settle();
  const votesBefore = await countVoteEvents();
  const roots = { api: api.child.pid, worker: worker.child.pid, postgres: postmasterPid() };
  const result = await withCpu(roots, () =>
    withApiWaits(() => measureClosedLoop(api.origin, voteRequest)),
  );
  assertAlive(api, worker);
  await settle();
  await waitForHead(worker);
  return {
    ...result,
    newVotes: (await countVoteEvents()) - votesBefore,
    ofCeiling: result.rate / ceiling.rate,
    readModel: await checkReadModel(),
  };
};

const steadyPhase = async ({ api, worker, voteRequest }) => {
  const roots = { api: api.child.pid, worker: worker.child.pid, postgres: postmasterPid() };
  const result = await withCpu(roots, () =>
    withApiWaits(() =>
      openLoop({
        origin: api.origin,
        connections: config.connections,
        rate: config.steadyRate,
        seconds: config.seconds,
        next: voteRequest,
      }),
    ),
  );
  assertAlive(api, worker);
  await waitForHead(worker);
  return { ...result, offeredRate: config.steadyRate, lag: await scrapeLag(worker) };
};

/**
 * The catch-up backlog, written straight into the log in the shape PostgresEventStore.append
 * writes and validated by the same event registry, 10,000 rows per INSERT: appending 200,000 one
 * by one would take minutes. Each is the first vote (version 1) of a distinct made-up voter on an
 * existing feedback, so every projection has real work for every event.
 */
const appendVoteBacklog = async ({ workspaceId, feedbackIds }) => {
  const schemaVersion = chorusEvents.schemaVersionOf('VoteCast');
  const occurredAt = new Date().toISOString();
  const chunk = 10_000;
  for (let first = 0; first < config.backlogEvents; first += chunk) {
    const rows = [];
    for (let i = first; i < Math.min(first + chunk, config.backlogEvents); i++) {
      const feedbackId = feedbackIds[i % feedbackIds.length];
      const voterId = `bench-voter-${i + 1}`;
      const streamId = ballotStreamId(feedbackId, voterId);
      rows.push({
        stream_id: streamId,
        stream_type: streamId.slice(0, streamId.indexOf('-')),
        event_id: randomUUID(),
        schema_version: schemaVersion,
        data: chorusEvents.parse('VoteCast', schemaVersion, {
          feedbackId,
          voterId,
          source: 'app',
          capturedBy: null,
          quote: null,
        }),
        metadata: {
          workspaceId,
          actorId: voterId,
          correlationId: randomUUID(),
          causationId: null,
          occurredAt,
        },
      });
    }
    await db.query(
      `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, workspace_id, data, metadata)
       SELECT e.stream_id, e.stream_type, 1, e.event_id, 'VoteCast', e.schema_version, $1, e.data, e.metadata
       FROM jsonb_to_recordset($2::jsonb)
         AS e(stream_id text, stream_type text, event_id uuid, schema_version int, data jsonb, metadata jsonb)`,
      [workspaceId, JSON.stringify(rows)],
    );
  }
};

const catchUpPhase = async (context) => {
  const appendStarted = performance.now();
  await appendVoteBacklog(context);
  const appendSeconds = Math.round((performance.now() - appendStarted) / 100) / 10;
  const backlogRows = await db.query(`
    SELECT c.projection, (SELECT count(*) FROM events e
      WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position))::int AS backlog
    FROM projection_checkpoints c`);
  const backlog = new Map(backlogRows.map((r) => [r.projection, r.backlog]));
  const worker = await startWorker();
  const { reached, cores } = await withCpu(
    { worker: worker.child.pid, postgres: postmasterPid() },
    async () => ({
      reached: await waitForHead(worker),
    }),
  );
  const perProjection = projectionNames.map((name) => {
    const seconds = (reached.get(name) - worker.readyAt) / 1000;
    return {
      name,
      events: backlog.get(name),
      seconds: Math.round(seconds * 100) / 100,
      rate: Math.round(backlog.get(name) / seconds),
    };
  });
  const readModel = await checkReadModel();
  await stopChild(worker);
  const slowest = perProjection.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const totalEvents = perProjection.reduce((sum, p) => sum + p.events, 0);
  return {
    backlog: Math.max(...backlog.values()),
    appendSeconds,
    startupMs: Math.round(worker.readyAt - worker.startedAt),
    projections: perProjection,
    rate: slowest.rate,
    totalRate: Math.round(totalEvents / slowest.seconds),
    cores,
    readModel,
  };
};

// ---------------------------------------------------------------------------------------------
// Kafka phases: a broker of our own from infra/kafka (skipped, with the reason, without Java/Maven).

const kafkaScript = (command, env, args = []) =>
  execFileSync('bash', [join(root, 'infra/kafka/kafka.sh'), command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const startBroker = async () => {
  const env = {
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_DATA_DIR: join(tmpDir, 'kafka'),
  };
  try {
    kafkaScript('start', env);
  } catch (error) {
    if (error.status === 3) return { unavailable: String(error.stdout || error.stderr).trim() };
    throw error;
  }
  broker = { env, brokers: `127.0.0.1:${env.KAFKA_PORT}` };
  return broker;
};

/** Publishes the whole log (everything the earlier phases wrote) to the broker, timed. */
const relayPhase = async () => {
  const kafka = createKafka(broker.brokers, 'chorus-bench');
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(
    admin,
    boundedContexts.map((c) => topicFor(c, 'relay')),
    {
      partitions: 6,
      retentionMs: 3_600_000,
    },
  );
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const store = new PostgresEventStore(db);
  const started = performance.now();
  const events = await catchUpProjection(
    db,
    store,
    kafkaRelay(producer, 'relay'),
    RELAY_BATCH_SIZE,
  );
  const seconds = (performance.now() - started) / 1000;
  // The size of a relayed record, value plus headers, for the broker's own ceiling below.
  const sample = (await store.readLog({ transactionId: '0', globalPosition: '0' }, 1000)).map((e) =>
    toKafkaRecord(e, 'relay'),
  );
  const recordBytes = Math.round(
    sample.reduce(
      (sum, r) =>
        sum +
        r.value.length +
        Object.entries(r.headers).reduce((n, [k, v]) => n + k.length + v.length, 0),
      0,
    ) / sample.length,
  );
  await producer.disconnect();
  return {
    events,
    seconds: Math.round(seconds * 100) / 100,
    rate: Math.round(events / seconds),
    recordBytes,
  };
};

/** Kafka's own ProducerPerformance from the same jars: same record size, acks=all. */
const brokerCeilingPhase = (recordBytes, records) => {
  const output = kafkaScript('perf', broker.env, [
    '--topic',
    'bench-ceiling',
    '--num-records',
    String(records),
    '--record-size',
    String(recordBytes),
    '--throughput',
    '-1',
    '--command-property',
    `bootstrap.servers=${broker.brokers}`,
    'acks=all',
  ]);
  const match = /([\d.]+) records\/sec \(([\d.]+) MB\/sec\)/.exec(
    output
      .trim()
      .split('\n')
      .filter((line) => line.includes('records sent'))
      .pop() ?? '',
  );
  if (!match) throw new Error(`could not read ProducerPerformance output:\n${output}`);
  return {
    rate: Math.round(Number(match[1])),
    megabytesPerSecond: Number(match[2]),
    recordBytes,
    records,
  };
};

/**
 * Lag through Kafka: a fresh database and topics, the API, and a worker in Kafka mode (relay +
 * consumer group); a steady stream of votes; the worker's commit-to-read-model histogram.
 */
const kafkaLagPhase = async () => {
  await db.query('CREATE DATABASE chorus_kafka');
  const url = postgres.url.replace(/\/[^/]*$/, '/chorus_kafka');
  const kafkaDb = await connectAndMigrate({ url, poolSize: 4, applicationName: 'chorus-bench' });
  const { workspaceId, people } = await provisionWorkspace(
    kafkaDb,
    { name: 'Kafka', slug: 'kafka' },
    [
      { name: 'Admin', email: 'admin@kafka.test', role: 'admin' },
      ...Array.from({ length: config.customers }, (_, i) => ({
        name: `Customer ${i + 1}`,
        email: `k${i + 1}@kafka.test`,
        role: 'customer',
      })),
    ],
  );
  const tokens = people.slice(1).map((p) => p.token);
  const api = await startApi(url);
  const worker = await startWorker({
    DATABASE_URL: url,
    KAFKA_BROKERS: broker.brokers,
    CHORUS_TOPIC_PREFIX: 'lag',
  });
  // The consumer group forms first; then the feedback goes through, then the measured load.
  await sleep(5000);
  const store = new PostgresEventStore(kafkaDb);
  const feedbackIds = Array.from({ length: config.feedbackItems }, () => randomUUID());
  for (const [i, feedbackId] of feedbackIds.entries()) {
    await store.append(
      feedbackStreamId(feedbackId),
      0,
      [
        {
          type: 'FeedbackSubmitted',
          data: {
            feedbackId,
            title: `Kafka idea ${i + 1}`,
            description: '',
            boardId: 'general',
            authorId: people[0].id,
            statusId: 'open',
            moderation: 'approved',
            source: 'app',
            capturedBy: null,
            quote: null,
            categoryId: null,
          },
        },
      ],
      { workspaceId, actorId: people[0].id, correlationId: randomUUID() },
    );
  }
  while (
    (await kafkaDb.query('SELECT count(*)::int AS n FROM feedback_list'))[0].n < feedbackIds.length
  ) {
    await sleep(200);
  }
  await kafkaDb.destroy();
  const next = () => ({
    path: `/api/v1/feedback/${pick(feedbackIds)}/votes`,
    headers: { authorization: `Bearer ${pick(tokens)}` },
  });
  const baseline = await scrapeLagBuckets(worker);
  const result = await openLoop({
    origin: api.origin,
    connections: config.connections,
    rate: config.steadyRate,
    seconds: config.seconds,
    next,
  });
  await sleep(3000);
  assertAlive(api, worker);
  const lag = await scrapeLag(worker, baseline);
  await Promise.all([stopChild(worker), stopChild(api)]);
  return { ...result, offeredRate: config.steadyRate, lag };
};

// ---------------------------------------------------------------------------------------------

const main = async () => {
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const startedAt = new Date().toISOString();
  log(`config: ${JSON.stringify(config)}`);
  log('sampling machine load…');
  const loadBefore = await sampleLoad();

  log('starting embedded Postgres and provisioning 1 admin, 1,000 customers, 200 feedback…');
  const context = await setUp();

  log(`ceiling: bare http + pg INSERT, ${config.connections} clients, ${config.seconds} s…`);
  const ceiling = await ceilingPhase();
  log(`ceiling: ${ceiling.rate} req/s, p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms`);

  let [api, worker] = await Promise.all([startApi(), startWorker()]);
  log(`votes: ${config.connections} clients, ${config.seconds} s…`);
  const votes = await votePhase({ ...context, api, worker }, ceiling);
  log(
    `votes: ${votes.rate} votes/s, p50 ${votes.p50} ms, p99 ${votes.p99} ms, ${votes.non2xx} non-2xx`,
  );

  // A fresh worker, so its lag histogram holds only the steady phase.
  await stopChild(worker);
  worker = await startWorker();
  log(`steady: ${config.steadyRate} votes/s for ${config.seconds} s…`);
  const steady = await steadyPhase({ ...context, api, worker });
  log(
    `steady: p50 ${steady.p50} ms, p99 ${steady.p99} ms; feedback_list lag p99 ${steady.lag.feedback_list?.p99} ms`,
  );

  await Promise.all([stopChild(worker), stopChild(api)]);
  log(
    `catch-up: appending ${config.backlogEvents} vote events with the worker stopped, then timing it…`,
  );
  const catchUp = await catchUpPhase(context);
  log(`catch-up: ${catchUp.rate} events/s per projection`);

  log('kafka: starting a broker of our own (infra/kafka)…');
  let kafka = await startBroker();
  if (kafka.unavailable) {
    log(`kafka phases skipped: ${kafka.unavailable}`);
  } else {
    log('kafka: relaying the whole log to the broker…');
    const relay = await relayPhase();
    log(
      `kafka: relay ${relay.rate} events/s; broker ceiling with ${relay.recordBytes}-byte records…`,
    );
    const brokerCeiling = brokerCeilingPhase(relay.recordBytes, relay.events);
    log(
      `kafka: broker ceiling ${brokerCeiling.rate} records/s; lag at ${config.steadyRate} votes/s…`,
    );
    const lag = await kafkaLagPhase();
    log(`kafka: feedback_list lag p99 ${lag.lag.feedback_list?.p99} ms`);
    kafka = { relay, brokerCeiling, lag, ofCeiling: relay.rate / brokerCeiling.rate };
  }

  await tearDown(10_000);
  const loadAfter = await sampleLoad();
  const machine = {
    cpu: os.cpus()[0].model.trim(),
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    node: process.version,
    postgres: context.postgresVersion,
  };
  const results = {
    startedAt,
    commit: gitCommit(root),
    machine,
    load: { before: loadBefore, after: loadAfter },
    config,
    floors,
    ceiling,
    votes,
    steady,
    catchUp,
    kafka,
  };
  results.checks = checkFloors(results, floors);
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderReport(results, floors, results.checks));
  log(`results written to ${join(resultsDir, 'latest.json')}; process logs in ${logDir}`);
  return Object.values(results.checks).every(Boolean) ? 0 : 2;
};

main().then(
  (code) => process.exit(code),
  async (error) => {
    if (interrupted) return;
    console.error(error);
    console.error(`[bench] failed; process logs are in ${logDir}`);
    await tearDown(0).catch((cleanupError) => console.error(cleanupError));
    process.exit(1);
  },
);
