import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

const round1 = (n) => Math.round(n * 10) / 10;

/**
 * Closed loop: `connections` clients each send their next request as soon as the previous one is
 * answered, for `seconds`. `next()` gives each request's `{ path, headers }`.
 */
export const closedLoop = async ({ origin, connections, seconds, next }) => {
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { path, headers } = next();
          return { ...request, path, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    requests: ok + result.non2xx,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: round1(result.duration),
    rate: Math.round(ok / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  };
};

/**
 * Open loop at a steady rate: request i is due at start + i / rate whatever happened to earlier
 * ones, and its latency counts from when it was due, so queueing is not hidden. autocannon's
 * overallRate cannot do this: it sends each connection's quota for the second back to back at the
 * start of the second (mcollina/autocannon#174), i.e. bursts at several times the nominal rate, and
 * its coordinated-omission correction then assumes a 1 ms interval and skews the percentiles.
 */
export const openLoop = async ({ origin, connections, rate, seconds, next }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const send = (due) =>
    new Promise((resolve) => {
      const { path, headers } = next();
      const request = http.request(
        `${origin}${path}`,
        { method: 'POST', headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            if (response.statusCode >= 200 && response.statusCode < 300) ok += 1;
            else non2xx += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end();
    });
  const inFlight = [];
  const start = performance.now();
  const dueAt = (i) => start + (i * 1000) / rate;
  let sent = 0;
  while (sent < total) {
    while (sent < total && dueAt(sent) <= performance.now()) {
      inFlight.push(send(dueAt(sent)));
      sent += 1;
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (q) =>
    round1(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return {
    requests: ok + non2xx,
    ok,
    non2xx,
    errors,
    seconds: round1(elapsed),
    rate: Math.round(ok / elapsed),
    p50: percentile(0.5),
    p99: percentile(0.99),
    max: percentile(1),
  };
};
