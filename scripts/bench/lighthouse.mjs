// `npm run bench:lighthouse`: Lighthouse (performance, accessibility, best practices, SEO) of the
// customer portal and the admin home, on the production build that `npm start` serves. The
// platform runs on throwaway data and free ports; the reports land in test-results/lighthouse/.
import { execFile, execFileSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, running, startChild, stopChild, assertAlive } from './lib/children.mjs';
import { envNumber, gitCommit, machineOf } from './lib/env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const lighthouseCli = join(root, 'node_modules/.bin/lighthouse');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Performance varies from run to run: each page is audited this often and the median kept. */
const RUNS = envNumber('BENCH_LIGHTHOUSE_RUNS', 3);
const reportsDir = join(root, 'test-results/lighthouse');
const logDir = join(root, 'bench-results/logs');
const log = (message) => console.log(`[bench:lighthouse] ${message}`);

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** The flags the browser tests give Chromium (testing/browser-session.ts), headless. */
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let dataParent = null;
const tearDown = async () => {
  await Promise.all([...running].map((child) => stopChild(child, 15_000)));
  if (dataParent) rmSync(dataParent, { recursive: true, force: true });
};
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => void tearDown().finally(() => process.exit(code)));
}

/** A host application's sign-in token for the portal: an HS256 JWT signed with the portal secret. */
const signPortalToken = (secret, claims) => {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, iat: now, exp: now + 300 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

const api = async (origin, path, headers, init = {}) => {
  const response = await fetch(`${origin}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...headers,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status}`);
  return response;
};

/** A customer signed in to the portal the way a host application does it: the session cookies. */
const customerCookies = async (origin, slug, adminHeaders) => {
  const { secret } = await (
    await api(origin, '/portal/secret', adminHeaders, { method: 'POST' })
  ).json();
  const response = await api(
    origin,
    '/auth/portal-token',
    {},
    {
      method: 'POST',
      body: {
        workspace: slug,
        token: signPortalToken(secret, {
          id: `lighthouse-${randomUUID()}`,
          email: 'lighthouse@customer.test',
          name: 'Lara Lighthouse',
        }),
      },
    },
  );
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
};

/** One Lighthouse run in its own Chromium; resolves with the scores (0–100) per category. */
const audit = ({ name, url, formFactor, headers }) =>
  new Promise((done, fail) => {
    const outputPath = join(reportsDir, `${name}.html`);
    execFile(
      lighthouseCli,
      [
        url,
        `--only-categories=${CATEGORIES.join(',')}`,
        ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
        `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
        `--extra-headers=${JSON.stringify(headers)}`,
        '--output=json',
        '--output=html',
        `--output-path=${outputPath}`,
        '--quiet',
      ],
      {
        env: { ...process.env, CHROME_PATH: chromium },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, _stdout, stderr) => {
        if (error) {
          fail(new Error(`lighthouse ${name} failed: ${stderr || error.message}`));
          return;
        }
        const report = JSON.parse(readFileSync(join(reportsDir, `${name}.report.json`), 'utf8'));
        if (report.runtimeError) {
          fail(new Error(`lighthouse ${name}: ${report.runtimeError.message}`));
          return;
        }
        const scores = Object.fromEntries(
          CATEGORIES.map((id) => [id, Math.round((report.categories[id]?.score ?? 0) * 100)]),
        );
        const failing = Object.values(report.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
          .map((a) => a.id);
        done({ name, scores, failing });
      },
    );
  });

const main = async () => {
  mkdirSync(reportsDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  dataParent = mkdtempSync(join(tmpdir(), 'chorus-lighthouse-'));
  // As root, Postgres runs as its own user, which must be able to reach the data dir.
  chmodSync(dataParent, 0o755);
  const token = `chorus_${randomBytes(24).toString('base64url')}`;
  const port = await freePort();
  log('starting the platform (embedded PostgreSQL, demo seed, api, worker, the web build)…');
  const launcher = await startChild({
    name: 'lighthouse-launcher',
    script: join(root, 'apps/launcher/dist/main.js'),
    env: {
      CHORUS_DATA_DIR: join(dataParent, 'data'),
      PORT: String(port),
      CHORUS_PG_PORT: String(await freePort()),
      CHORUS_DEMO_ADMIN_TOKEN: token,
    },
    readyPattern: /Press Ctrl-C/,
    logDir,
    timeoutMs: 180_000,
  });
  const origin = `http://127.0.0.1:${port}`;
  const admin = { authorization: `Bearer ${token}` };
  const { slug } = (await (await api(origin, '/me', admin)).json()).workspace;
  const cookie = await customerCookies(origin, slug, admin);
  const { items } = await (await api(origin, '/feedback?limit=1', { cookie })).json();
  if (items.length === 0) throw new Error('the demo portal lists no feedback');
  const pages = [
    { page: 'portal-list', url: `${origin}/p/${slug}`, headers: { cookie } },
    {
      page: 'portal-item',
      url: `${origin}/p/${slug}/feedback/${items[0].id}`,
      headers: { cookie },
    },
    // The admin app has no token in this browser, so it asks the API whether it is signed in.
    { page: 'admin-home', url: `${origin}/`, headers: { Authorization: admin.authorization } },
  ];
  const loadBefore = machineOf(null).loadavg[0];
  const results = [];
  for (const { page, url, headers } of pages) {
    for (const formFactor of ['mobile', 'desktop']) {
      log(`${page}, ${formFactor}, ${RUNS} runs…`);
      const runs = [];
      for (let run = 1; run <= RUNS; run += 1) {
        const target = { name: `${page}-${formFactor}-${run}`, url, formFactor, headers };
        // Lighthouse's trace recording fails now and then (NO_NAVSTART): such a run is repeated.
        runs.push(
          await audit(target).catch((error) => {
            log(`${error.message.split('\n')[0]}; once more`);
            return audit(target);
          }),
        );
      }
      runs.sort((a, b) => a.scores.performance - b.scores.performance);
      const median = runs[Math.floor((runs.length - 1) / 2)];
      results.push({
        page,
        url,
        formFactor,
        ...median,
        performanceRuns: runs.map((r) => r.scores.performance),
      });
    }
  }
  assertAlive(launcher);

  const result = {
    startedAt: new Date().toISOString(),
    commit: gitCommit(root),
    machine: machineOf(null),
    lighthouse: '12.8.2',
    // Debian's wrapper script complains on stderr about its own arguments: not ours to show.
    chromium: execFileSync(chromium, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim(),
    runs: RUNS,
    results,
  };
  writeFileSync(join(reportsDir, 'summary.json'), JSON.stringify(result, null, 2));
  const m = result.machine;
  console.log(`
${m.cpu} · ${m.cores} cores · ${m.memoryGb} GB RAM · Node ${m.node} · Lighthouse ${result.lighthouse} · ${result.chromium} · load avg ${loadBefore} before, ${m.loadavg[0]} after · ${result.startedAt.slice(0, 10)} · commit ${result.commit}

| Page | Form factor | Performance (median of ${RUNS}; all runs) | Accessibility | Best practices | SEO |
| --- | --- | --- | --- | --- | --- |
${results.map((r) => `| ${r.page} | ${r.formFactor} | **${r.scores.performance}** (${r.performanceRuns.join(', ')}) | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} |`).join('\n')}

Audits below 0.9 in the median run:
${results.map((r) => `- ${r.name}: ${r.failing.join(', ') || 'none'}`).join('\n')}

Reports: ${reportsDir}/<page>-<form factor>-<run>.report.{html,json}`);
  return 0;
};

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('[bench:lighthouse] failed:', error);
} finally {
  await tearDown();
}
process.exit(code);
