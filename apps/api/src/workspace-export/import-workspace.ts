import { parseArgs } from 'node:util';
import { connectAndMigrate } from '@chorus/event-store';
import { openExportFile } from './export-file';
import { restoreWorkspace } from './restore-workspace';

const USAGE = `Restores a workspace export into an empty Chorus installation (docs/export.md).

Usage: npm run import:workspace -- <export.zip|events.jsonl> [--database-url URL] [--admin-token]

  --database-url   the installation's Postgres (default: DATABASE_URL)
  --admin-token    print a new bearer token for the workspace's first active admin`;

/** `npm run import:workspace`: migrate, check, restore in one transaction, rebuild. */
const main = async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      'admin-token': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [path] = positionals;
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (values.help || path === undefined || positionals.length > 1 || !databaseUrl) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const file = await openExportFile(path);
  const db = await connectAndMigrate({ url: databaseUrl, applicationName: 'chorus-import' });
  try {
    const started = Date.now();
    const result = await restoreWorkspace(db, file, {
      log: (message) => console.log(`[import] ${message}`),
      issueAdminToken: values['admin-token'],
    });
    console.log(
      `[import] workspace ${result.workspaceId} restored: ${result.events} events, ${result.people} people, ${result.projections.length} projections rebuilt in ${Date.now() - started} ms`,
    );
    if (result.adminToken) {
      console.log(
        `[import] bearer token for ${result.adminToken.email} (shown once): ${result.adminToken.token}`,
      );
    }
  } finally {
    file.close();
    await db.destroy();
  }
};

main().catch((error: unknown) => {
  console.error(`[import] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
