import type { DataSource, EntityManager } from 'typeorm';
import { hashToken, newApiToken } from '@chorus/api';
import { chorusEvents, type EventMetadata } from '@chorus/domain';
import { sealPersonalData } from '@chorus/event-store';
import {
  LARGE_SEED_SLUG,
  LargeHistory,
  type LargeSeedOptions,
  type LargeSeedTotals,
} from './history';
import type { SeedEvent } from './world';

/** Rows per INSERT: large enough to amortise the round trip, small enough to stream. */
export const INSERT_BATCH_SIZE = 10_000;

export type LargeSeedResult =
  | { seeded: false }
  | { seeded: true; workspaceId: string; adminToken: string; totals: LargeSeedTotals };

type EventRow = {
  stream_id: string;
  stream_type: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
};

/** The store's own checks: the latest schema version of the type, and data valid against it. */
const toRow = (event: SeedEvent): EventRow => {
  const schemaVersion = chorusEvents.schemaVersionOf(event.type);
  return {
    stream_id: event.streamId,
    stream_type: event.streamId.slice(0, event.streamId.indexOf('-')),
    version: event.version,
    event_id: event.eventId,
    type: event.type,
    schema_version: schemaVersion,
    data: chorusEvents.parse(event.type, schemaVersion, event.data),
    metadata: event.metadata,
  };
};

const insertRows = (tx: EntityManager, workspaceId: string, rows: readonly EventRow[]) =>
  tx.query(
    `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, workspace_id, data, metadata)
     SELECT r.stream_id, r.stream_type, r.version, r.event_id, r.type, r.schema_version, $2::uuid, r.data, r.metadata
     FROM jsonb_to_recordset($1::jsonb) AS r(stream_id text, stream_type text, version int,
       event_id uuid, type text, schema_version int, data jsonb, metadata jsonb)`,
    [JSON.stringify(rows), workspaceId],
  );

/** Whether a workspace with the scale data's slug was ever created in this database. */
const alreadySeeded = async (tx: EntityManager): Promise<boolean> => {
  const rows = await tx.query<unknown[]>(
    `SELECT 1 FROM events WHERE stream_type = 'workspace' AND type = 'WorkspaceCreated'
       AND data->>'slug' = $1 LIMIT 1`,
    [LARGE_SEED_SLUG],
  );
  return rows.length > 0;
};

/**
 * Writes the scale history (`LargeHistory`) into the log: multi-row INSERTs of
 * `INSERT_BATCH_SIZE` events straight into `events`, each event checked against its schema as
 * the store does, generating the next batch while Postgres writes the last. One transaction:
 * a run that fails leaves nothing, and a database seeded once is never seeded again.
 * The teammates get rows in `users`; the admin's token is returned.
 */
export const seedLargeWorkspace = async (
  db: DataSource,
  options: LargeSeedOptions & { adminToken?: string },
  onProgress: (written: number) => void = () => undefined,
): Promise<LargeSeedResult> => {
  const history = new LargeHistory(options);
  const adminToken = options.adminToken ?? newApiToken();
  const { workspaceId } = history;
  return db.transaction(async (tx) => {
    // Two runs at once would both find nothing and create two workspaces with one slug.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('chorus:seed-large'))`);
    if (await alreadySeeded(tx)) return { seeded: false };
    for (const person of history.team.everyone) {
      await tx.query(
        `INSERT INTO users (id, workspace_id, name, email, role, token_sha256) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          person.id,
          workspaceId,
          person.name,
          person.email,
          person.role,
          hashToken(person.role === 'admin' ? adminToken : newApiToken()),
        ],
      );
    }
    let rows: EventRow[] = [];
    let writing: Promise<unknown> = Promise.resolve();
    let written = 0;
    const flush = async () => {
      await writing;
      // Personal data is sealed with its owner's key, as the store's appends do.
      const batch = await sealPersonalData(
        tx,
        rows.map((row) => ({ ...row, workspace_id: workspaceId })),
      );
      rows = [];
      writing = insertRows(tx, workspaceId, batch).then(() => {
        written += batch.length;
        onProgress(written);
      });
      // Awaited before the next batch or at the end; never left unhandled meanwhile.
      writing.catch(() => undefined);
    };
    for (const event of history.events()) {
      rows.push(toRow(event));
      if (rows.length === INSERT_BATCH_SIZE) await flush();
    }
    if (rows.length > 0) await flush();
    await writing;
    return { seeded: true, workspaceId, adminToken, totals: history.totals };
  });
};
