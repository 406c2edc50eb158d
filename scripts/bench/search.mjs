// `npm run bench:search`: full-text search and similar-title suggestions at 100,000 feedback items,
// through the real HTTP API, on a throwaway embedded Postgres. The corpus is appended as real
// events and projected by the worker's own projections. See README.md.
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, running, startChild, stopChild, assertAlive } from './lib/children.mjs';
import { generateFeedback, searchTerms, typedTitles } from './search-corpus.mjs';
import { envNumber, gitCommit, machineOf } from './lib/env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
// event-store first: it loads reflect-metadata, which the API's decorators need.
const {
  PostgresEventStore,
  catchUp,
  connectAndMigrate,
  startEmbeddedPostgres,
} = require('@chorus/event-store');
const { provisionWorkspace } = require('@chorus/api');
const { projections } = require('@chorus/worker');
const { commentStreamId, feedbackStreamId } = require('@chorus/domain');

const config = {
  items: envNumber('BENCH_SEARCH_ITEMS', 100_000),
  queries: envNumber('BENCH_SEARCH_QUERIES', 500),
  concurrency: envNumber('BENCH_SEARCH_CONCURRENCY', 1),
  warmup: 50,
  appendChunk: 5000,
  poolSize: 20,
};
const floorP95Ms = 50;

const resultsDir = join(root, 'bench-results');
const logDir = join(resultsDir, 'logs');
const log = (message) => console.log(`[bench:search] ${message}`);

let tmpDir = null;
let postgres = null;
let db = null;
let tearingDown = null;
const tearDown = () =>
  (tearingDown ??= (async () => {
    await Promise.all([...running].map((child) => stopChild(child, 5000)));
    if (db?.isInitialized) await db.destroy().catch(() => {});
    await postgres?.stop();
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  })());
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    console.error(`\n[bench:search] ${signal}: stopping everything…`);
    void tearDown().finally(() => process.exit(code));
  });
}
process.on('exit', () => {
  for (const { child } of running) child.kill('SIGKILL');
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true, maxRetries: 3 });
});

const seconds = (since) => Math.round((performance.now() - since) / 100) / 10;

/** Appends every item and comment as real events, a chunk at a time, through the event store. */
const appendCorpus = async (store, { workspaceId, admin, customer }) => {
  const items = generateFeedback(config.items);
  const context = () => ({ workspaceId, actorId: admin.id, correlationId: randomUUID() });
  let comments = 0;
  for (let first = 0; first < items.length; first += config.appendChunk) {
    const appends = [];
    const commentAppends = [];
    for (const item of items.slice(first, first + config.appendChunk)) {
      const feedbackId = randomUUID();
      appends.push(
        store.appendOne(
          feedbackStreamId(feedbackId),
          0,
          {
            type: 'FeedbackSubmitted',
            data: {
              feedbackId,
              title: item.title,
              description: item.description,
              boardId: 'general',
              authorId: customer.id,
              statusId: 'open',
              moderation: 'approved',
              source: 'app',
              capturedBy: null,
              quote: null,
              categoryId: null,
            },
          },
          context(),
        ),
      );
      for (const body of item.comments) {
        const commentId = randomUUID();
        comments += 1;
        commentAppends.push(() =>
          store.appendOne(
            commentStreamId(commentId),
            0,
            {
              type: 'CommentPosted',
              data: {
                commentId,
                feedbackId,
                parentId: null,
                authorId: customer.id,
                byStaff: false,
                visibility: 'public',
                body,
                mentions: [],
              },
            },
            { workspaceId, actorId: customer.id, correlationId: randomUUID() },
          ),
        );
      }
    }
    // Each chunk's feedback first, then the comments on it: the log holds them in that order.
    await Promise.all(appends);
    await Promise.all(commentAppends.map((append) => append()));
  }
  return { items: items.length, comments };
};

const percentile = (sorted, q) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;

/** Closed loop: `concurrency` clients each send the next GET as soon as the last one answered. */
const measure = async ({ origin, paths, tokens, concurrency }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const failures = [];
  let next = 0;
  let hits = 0;
  const get = (path, token) =>
    new Promise((resolveRequest) => {
      const started = performance.now();
      const request = http.get(
        `${origin}${path}`,
        { agent, headers: { authorization: `Bearer ${token}` } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => {
            latencies.push(performance.now() - started);
            if (response.statusCode !== 200) failures.push(`${response.statusCode} ${path}`);
            else {
              const parsed = JSON.parse(body);
              if ((parsed.hits ?? parsed.suggestions).length > 0) hits += 1;
            }
            resolveRequest();
          });
        },
      );
      request.on('error', (error) => {
        failures.push(`${error.message} ${path}`);
        resolveRequest();
      });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const i = next++;
        await get(paths[i], tokens[i % tokens.length]);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: paths.length,
    failed: failures.length,
    failures: failures.slice(0, 5),
    withResults: hits,
    rate: Math.round(paths.length / elapsed),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
  };
};

const indexScans = async () => {
  const rows = await db.query(
    `SELECT indexrelname AS index, idx_scan::int AS scans FROM pg_stat_user_indexes
     WHERE indexrelname IN ('feedback_list_search', 'feedback_comments_search', 'feedback_list_title_trgm')`,
  );
  return Object.fromEntries(rows.map((r) => [r.index, r.scans]));
};

const main = async () => {
  mkdirSync(logDir, { recursive: true });
  tmpDir = mkdtempSync(join(os.tmpdir(), 'chorus-bench-search-'));
  chmodSync(tmpDir, 0o755);
  const postgresLog = createWriteStream(join(logDir, 'search-postgres.log'));
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
  const [{ server_version: postgresVersion }] = await db.query('SHOW server_version');
  const {
    workspaceId,
    people: [admin, customer],
  } = await provisionWorkspace(db, { name: 'Bench', slug: 'bench' }, [
    { name: 'Bench Admin', email: 'admin@bench.test', role: 'admin' },
    { name: 'Bench Customer', email: 'customer@bench.test', role: 'customer' },
  ]);
  const store = new PostgresEventStore(db);

  log(`appending ${config.items.toLocaleString('en-US')} feedback items and their comments…`);
  let started = performance.now();
  const corpus = await appendCorpus(store, { workspaceId, admin, customer });
  const appendSeconds = seconds(started);
  log(`appended ${corpus.items} items and ${corpus.comments} comments in ${appendSeconds} s`);

  started = performance.now();
  const projected = {};
  for (const projection of projections) {
    projected[projection.name] = await catchUp(db, store, projection, 5000);
  }
  const catchUpSeconds = seconds(started);
  // What autovacuum does in a steady state: statistics, and the GIN indexes' pending lists
  // merged (right after a bulk load every new entry is still in them, scanned by every query).
  await db.query('VACUUM ANALYZE');
  const [counts] = await db.query(`
    SELECT (SELECT count(*) FROM feedback_list)::int AS items,
      (SELECT count(*) FROM feedback_list WHERE search_vector <> ''::tsvector)::int AS vectors,
      (SELECT count(*) FROM feedback_comments WHERE search_vector <> ''::tsvector)::int AS comment_vectors`);
  log(
    `projected in ${catchUpSeconds} s: ${counts.items} rows, ${counts.vectors} with a search vector, ` +
      `${counts.comment_vectors} comments with one`,
  );
  if (counts.items !== corpus.items || counts.vectors !== corpus.items) {
    throw new Error('the read model does not hold every item with its search vector');
  }

  const port = await freePort();
  const api = await startChild({
    name: 'search-api',
    script: join(root, 'apps/api/dist/main.js'),
    env: {
      DATABASE_URL: postgres.url,
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
  const tokens = [admin.token, customer.token];
  const searchPaths = searchTerms(config.queries + config.warmup).map(
    (q) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=20`,
  );
  const similarPaths = typedTitles(config.queries + config.warmup).map(
    (title) => `/api/v1/search/similar?title=${encodeURIComponent(title)}&limit=5`,
  );
  const run = (paths) => measure({ origin, paths, tokens, concurrency: config.concurrency });

  log('warming up…');
  await run([...searchPaths.slice(0, config.warmup), ...similarPaths.slice(0, config.warmup)]);
  const scansBefore = await indexScans();
  log(`${config.queries} searches, ${config.concurrency} clients…`);
  const search = await run(searchPaths.slice(config.warmup));
  log(`${config.queries} similar-title lookups, ${config.concurrency} clients…`);
  const similar = await run(similarPaths.slice(config.warmup));
  assertAlive(api);
  // The API's sessions report their statistics about once a second.
  await new Promise((resolveWait) => setTimeout(resolveWait, 2000));
  const scansAfter = await indexScans();
  const indexUse = Object.fromEntries(
    Object.keys(scansAfter).map((index) => [index, scansAfter[index] - (scansBefore[index] ?? 0)]),
  );
  await stopChild(api);

  const result = {
    startedAt: new Date().toISOString(),
    commit: gitCommit(root),
    machine: machineOf(postgresVersion),
    config,
    corpus: { ...corpus, appendSeconds, catchUpSeconds, projected },
    search,
    similar,
    indexUse,
    floorP95Ms,
  };
  writeFileSync(join(resultsDir, 'search-latest.json'), JSON.stringify(result, null, 2));

  const verdict = (r) => (r.failed === 0 && r.p95 < floorP95Ms ? 'PASS' : 'FAIL');
  const row = (name, r) =>
    `| ${name} | ${r.requests} queries, ${r.failed} failed, ${r.withResults} with results, ${r.rate}/s | ${r.p50} ms | **${r.p95} ms** | ${r.p99} ms | p95 < ${floorP95Ms} ms | ${verdict(r)} |`;
  const m = result.machine;
  console.log(`
${m.cpu} · ${m.cores} cores · ${m.memoryGb} GB RAM · Node ${m.node} · PostgreSQL ${m.postgres} · load avg ${m.loadavg[0]} after · ${result.startedAt.slice(0, 10)} · commit ${result.commit}

${corpus.items.toLocaleString('en-US')} items + ${corpus.comments.toLocaleString('en-US')} public comments appended in ${appendSeconds} s, projected in ${catchUpSeconds} s; ${config.concurrency} clients, closed loop, half as a teammate and half as a customer.

| Scenario | Result | p50 | p95 | p99 | Floor | |
| --- | --- | --- | --- | --- | --- | --- |
${row('`GET /api/v1/search?q=…&limit=20`', search)}
${row('`GET /api/v1/search/similar?title=…&limit=5`', similar)}

Index scans during the measured phases: ${Object.entries(indexUse)
    .map(([index, scans]) => `${index} ${scans}`)
    .join(', ')}`);
  for (const r of [search, similar]) {
    if (r.failures.length > 0) console.log(`failures: ${r.failures.join('; ')}`);
  }
  // A title whose meaningful words are all shorter than a trigram cannot use the trigram index.
  const indexesUsed =
    indexUse.feedback_list_search >= config.queries &&
    indexUse.feedback_list_title_trgm >= 0.95 * config.queries;
  if (!indexesUsed) console.log('FAIL: the GIN indexes were not used as planned');
  return verdict(search) === 'PASS' && verdict(similar) === 'PASS' && indexesUsed ? 0 : 2;
};

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('[bench:search] failed:', error);
} finally {
  await tearDown();
}
process.exit(code);
