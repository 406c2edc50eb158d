import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { connectAndMigrate } from '../data-source';

export const TEST_ADMIN_URL_ENV = 'CHORUS_TEST_PG_ADMIN_URL';

export type TestDatabase = { url: string; dataSource: DataSource; drop: () => Promise<void> };

const adminUrl = (): string => {
  const url = process.env[TEST_ADMIN_URL_ENV];
  if (!url) {
    throw new Error(
      `${TEST_ADMIN_URL_ENV} is not set: run tests through jest's globalSetup (startTestPostgres).`,
    );
  }
  return url;
};

/** A fresh, migrated database on the suite's real Postgres, so test files never share rows. */
export const createTestDatabase = async (poolSize = 10): Promise<TestDatabase> => {
  const name = `chorus_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl().replace(/\/[^/]*$/, `/${name}`);
  const dataSource = await connectAndMigrate({ url, poolSize, applicationName: 'chorus-test' });
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
};

/** Polls until `check` passes or the deadline passes; for waiting on eventually consistent reads. */
export const eventually = async <T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
};
