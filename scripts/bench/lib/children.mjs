import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Every child still running, so any exit path can kill them. */
export const running = new Set();

/**
 * Starts a Node script whose output goes to `<logDir>/<name>.log`; resolves once a line of its
 * stdout matches `readyPattern`.
 */
export const startChild = async ({
  name,
  script,
  env,
  readyPattern,
  logDir,
  timeoutMs = 60_000,
}) => {
  const logPath = join(logDir, `${name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const handle = { name, child, exited, logPath, startedAt: performance.now() };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready within ${timeoutMs} ms; see ${logPath}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (readyPattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready; see ${logPath}`));
    });
  });
  handle.readyAt = performance.now();
  return handle;
};

export const isAlive = ({ child }) => child.exitCode === null && child.signalCode === null;

/** SIGTERM, then SIGKILL after the grace period. */
export const stopChild = async (handle, graceMs = 10_000) => {
  if (!isAlive(handle)) return;
  handle.child.kill('SIGTERM');
  const timer = setTimeout(() => handle.child.kill('SIGKILL'), graceMs);
  await handle.exited;
  clearTimeout(timer);
};

/** A child that died mid-phase would turn the figures into connection errors: fail loudly. */
export const assertAlive = (...handles) => {
  for (const handle of handles) {
    if (!isAlive(handle))
      throw new Error(`${handle.name} exited unexpectedly; see ${handle.logPath}`);
  }
};
