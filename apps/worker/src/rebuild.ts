import { PostgresEventStore, connectAndMigrate, rebuildProjection } from '@chorus/event-store';
import { projections } from './projections';

/** `npm run rebuild-projections`: every projection from position 0, each in one transaction. */
const main = async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required.');
  const db = await connectAndMigrate({ url: databaseUrl, applicationName: 'chorus-rebuild' });
  const store = new PostgresEventStore(db);
  try {
    for (const projection of projections) {
      const started = Date.now();
      const events = await rebuildProjection(db, store, projection);
      console.log(
        `${projection.name}: rebuilt from ${events} events in ${Date.now() - started} ms`,
      );
    }
  } finally {
    await db.destroy();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
