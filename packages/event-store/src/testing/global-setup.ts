import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../embedded-postgres';
import { TEST_ADMIN_URL_ENV } from './test-database';
import { freePort } from './free-port';

declare global {
  var chorusTestPostgres: EmbeddedPostgresHandle | undefined;
}

/**
 * Jest globalSetup: one real Postgres per test run (embedded, throwaway), unless
 * CHORUS_TEST_PG_ADMIN_URL already points at one.
 */
export const startTestPostgres = async (): Promise<void> => {
  if (process.env[TEST_ADMIN_URL_ENV]) return;
  const parent = mkdtempSync(join(tmpdir(), 'chorus-test-pg-'));
  // As root, Postgres runs as its own user, which must be able to reach the data dir.
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'data');
  const handle = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    persistent: false,
  });
  globalThis.chorusTestPostgres = handle;
  process.env[TEST_ADMIN_URL_ENV] = handle.adminUrl;
};

export const stopTestPostgres = async (): Promise<void> => {
  await globalThis.chorusTestPostgres?.stop();
};
