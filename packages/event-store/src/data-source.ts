import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from './migrations';

export type DataSourceOptions = { url: string; poolSize?: number; applicationName?: string };

/** Schema changes happen only through migrations: `synchronize` stays off. */
export const createDataSource = ({
  url,
  poolSize = 10,
  applicationName = 'chorus',
}: DataSourceOptions) =>
  new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    extra: { max: poolSize, application_name: applicationName },
  });

export const connectAndMigrate = async (options: DataSourceOptions): Promise<DataSource> => {
  const dataSource = await createDataSource(options).initialize();
  // Several api and worker replicas may start at once: one migrates, the others wait.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('chorus:migrations'))`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('chorus:migrations'))`);
    await runner.release();
  }
  return dataSource;
};
