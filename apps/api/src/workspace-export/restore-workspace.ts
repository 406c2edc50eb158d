import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  ActorRole,
  chorusEvents,
  type ExportedEvent,
  type ExportedPerson,
  type ExportManifest,
} from '@chorus/domain';
import {
  PostgresEventStore,
  destroyPersonalDataKey,
  rebuildProjection,
  sealPersonalData,
  type Projection,
  type StoredEvent,
} from '@chorus/event-store';
import { projections } from '@chorus/worker';
import { hashToken } from '../platform/auth';
import { newApiToken } from '../identity/provision-workspace';
import type { ExportFile } from './export-file';
import { ARCHIVE_FILES } from './workspace-archive';

/** Why a restore refused, said so the person running it knows what to do. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export type RestoreOptions = {
  log?: (message: string) => void;
  /** Issue a new bearer token for the workspace's first active admin (no mail needed to sign in). */
  issueAdminToken?: boolean;
};

export type RestoreResult = {
  workspaceId: string;
  events: number;
  people: number;
  /** Each projection rebuilt, with the events of the log it read. */
  projections: { name: string; events: number }[];
  /** The admin and their new token, when asked for. */
  adminToken: { email: string; token: string } | null;
};

/** Events inserted per statement. */
const BATCH = 500;

const Guid = z.guid();

const ManifestSchema = z.looseObject({
  format: z.literal('chorus-workspace-export'),
  formatVersion: z.literal(1),
  workspace: z.looseObject({ id: Guid }),
  schemaMigration: z.string(),
  events: z.object({ path: z.string(), count: z.number().int().min(0), sha256: z.string() }),
  people: z.object({ path: z.string(), count: z.number().int().min(0), sha256: z.string() }),
});

const EventLineSchema = z.object({
  globalPosition: z.string(),
  streamId: z.string().regex(/^[a-z]+-.+$/, 'must be a stream id like feedback-<id>'),
  streamType: z.string().min(1),
  version: z.number().int().positive(),
  eventId: Guid,
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
  // Kept whole (loose): the metadata is restored exactly as it was recorded.
  metadata: z.looseObject({
    workspaceId: Guid,
    actorId: z.string().min(1),
    correlationId: z.string().min(1),
    causationId: z.string().nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
  }),
}) satisfies z.ZodType<ExportedEvent>;

const PersonLineSchema = z.object({
  id: Guid,
  name: z.string(),
  email: z.string(),
  role: ActorRole,
  status: z.enum(['invited', 'active', 'deactivated', 'erased']),
}) satisfies z.ZodType<ExportedPerson>;

/** The lines of a JSON Lines file, numbered from 1, without loading the file. */
async function* linesOf(stream: Readable): AsyncGenerator<[number, string]> {
  let number = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    number += 1;
    if (line.trim() !== '') yield [number, line];
  }
}

const parseLine = <T>(file: string, number: number, line: string, schema: z.ZodType<T>): T => {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new RestoreRefused(`${file} line ${number} is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RestoreRefused(
      `${file} line ${number}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not valid'}.`,
    );
  }
  return parsed.data;
};

/** The SHA-256 and the number of lines of a file, read as a stream. */
const fingerprint = async (stream: Readable): Promise<{ sha256: string; count: number }> => {
  const hash = createHash('sha256');
  let count = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (const byte of chunk) if (byte === 0x0a) count += 1;
  }
  return { sha256: hash.digest('hex'), count };
};

const readManifest = (text: string): ExportManifest => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RestoreRefused(`${ARCHIVE_FILES.manifest} is not JSON.`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new RestoreRefused(`${ARCHIVE_FILES.manifest} is not the manifest of a Chorus export.`);
  }
  return parsed.data as ExportManifest;
};

/** Checks each file against the manifest before anything is written. */
const verify = async (file: ExportFile, manifest: ExportManifest): Promise<void> => {
  const checks: [string, ExportManifest['events'], () => Promise<Readable>][] = [
    [ARCHIVE_FILES.events, manifest.events, file.events],
  ];
  if (file.people) checks.push([ARCHIVE_FILES.people, manifest.people, file.people]);
  for (const [name, expected, open] of checks) {
    const actual = await fingerprint(await open());
    if (actual.count !== expected.count) {
      throw new RestoreRefused(
        `${name} has ${actual.count} lines where the manifest says ${expected.count}: the export is incomplete.`,
      );
    }
    if (actual.sha256 !== expected.sha256) {
      throw new RestoreRefused(
        `${name} does not match the manifest's SHA-256: the export was changed or damaged.`,
      );
    }
  }
};

/** An installation this restore may write into: migrated to at least the export's schema, empty. */
const checkInstallation = async (
  tx: EntityManager,
  manifest: ExportManifest | null,
): Promise<void> => {
  if (manifest) {
    const known = await tx.query<{ name: string }[]>(
      `SELECT name FROM migrations WHERE name = $1`,
      [manifest.schemaMigration],
    );
    if (known.length === 0) {
      throw new RestoreRefused(
        `The export was made by a newer Chorus (schema ${manifest.schemaMigration}): upgrade this installation first.`,
      );
    }
  }
  const [found] = await tx.query<{ anything: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM users) AS anything`,
  );
  if (found?.anything) {
    throw new RestoreRefused(
      'This installation is not empty: a workspace is restored into a new, empty database only.',
    );
  }
};

type EventRecord = {
  stream_id: string;
  stream_type: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  workspace_id: string;
  data: unknown;
  metadata: ExportedEvent['metadata'];
};

const INSERT_COLUMNS =
  'stream_id, stream_type, version, event_id, type, schema_version, workspace_id, data, metadata';
const RECORDSET_TYPES = `stream_id text, stream_type text, version int, event_id uuid, type text,
  schema_version int, workspace_id uuid, data jsonb, metadata jsonb`;

/**
 * Appends a batch verbatim (ids, versions, metadata and time as exported) after sealing its
 * personal data with fresh keys, the way the store's append does; a customer erased in the batch
 * loses their new key at once, as the erasure did, so what was sealed reads as erased again.
 */
const appendBatch = async (tx: EntityManager, batch: EventRecord[]): Promise<void> => {
  if (batch.length === 0) return;
  const sealed = await sealPersonalData(tx, batch);
  await tx.query(
    `INSERT INTO events (${INSERT_COLUMNS})
     SELECT ${INSERT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${RECORDSET_TYPES})`,
    [JSON.stringify(sealed)],
  );
  for (const event of batch) {
    if (event.type === 'CustomerErased') {
      await destroyPersonalDataKey(
        tx,
        event.workspace_id,
        String((event.data as { customerId: string }).customerId),
      );
    }
  }
};

/**
 * Every event of the file, in its order, each checked against the event registry and against
 * its stream (versions without gaps, one workspace). Returns the workspace and the count.
 */
const restoreEvents = async (
  tx: EntityManager,
  stream: Readable,
  expectedWorkspace: string | null,
): Promise<{ workspaceId: string; count: number }> => {
  const file = ARCHIVE_FILES.events;
  const versions = new Map<string, number>();
  let workspaceId = expectedWorkspace;
  let count = 0;
  let batch: EventRecord[] = [];
  for await (const [number, line] of linesOf(stream)) {
    const event = parseLine(file, number, line, EventLineSchema);
    workspaceId ??= event.metadata.workspaceId;
    if (event.metadata.workspaceId !== workspaceId) {
      throw new RestoreRefused(
        `${file} line ${number} belongs to workspace ${event.metadata.workspaceId}, not ${workspaceId}.`,
      );
    }
    if (!event.streamId.startsWith(`${event.streamType}-`)) {
      throw new RestoreRefused(
        `${file} line ${number}: stream ${event.streamId} is not of type ${event.streamType}.`,
      );
    }
    const previous = versions.get(event.streamId) ?? 0;
    if (event.version !== previous + 1) {
      throw new RestoreRefused(
        `${file} line ${number}: ${event.streamId} jumps from version ${previous} to ${event.version}.`,
      );
    }
    versions.set(event.streamId, event.version);
    let data: unknown;
    try {
      data = chorusEvents.parse(event.type, event.schemaVersion, event.data);
    } catch (error) {
      throw new RestoreRefused(
        `${file} line ${number}: ${event.type} v${event.schemaVersion} is not valid: ${(error as Error).message}`,
      );
    }
    batch.push({
      stream_id: event.streamId,
      stream_type: event.streamType,
      version: event.version,
      event_id: event.eventId,
      type: event.type,
      schema_version: event.schemaVersion,
      workspace_id: workspaceId,
      data,
      metadata: event.metadata,
    });
    count += 1;
    if (batch.length >= BATCH) {
      await appendBatch(tx, batch);
      batch = [];
    }
  }
  await appendBatch(tx, batch);
  if (workspaceId === null || count === 0) {
    throw new RestoreRefused(`${file} holds no events: there is nothing to restore.`);
  }
  return { workspaceId, count };
};

/**
 * The people beside the log, without any way in: no password, token, session or invitation.
 * They set a password through the password-reset flow (or sign in with single sign-on).
 */
const restorePeople = async (
  tx: EntityManager,
  stream: Readable,
  workspaceId: string,
): Promise<number> => {
  let count = 0;
  for await (const [number, line] of linesOf(stream)) {
    const person = parseLine(ARCHIVE_FILES.people, number, line, PersonLineSchema);
    await tx.query(
      `INSERT INTO users (id, workspace_id, name, email, role, status) VALUES ($1, $2, $3, $4, $5, $6)`,
      [person.id, workspaceId, person.name, person.email, person.role, person.status],
    );
    count += 1;
  }
  return count;
};

const issueAdminToken = async (
  tx: EntityManager,
  workspaceId: string,
): Promise<{ email: string; token: string }> => {
  const [admin] = await tx.query<{ id: string; email: string }[]>(
    `SELECT id, email FROM users WHERE workspace_id = $1 AND role = 'admin' AND status = 'active'
     ORDER BY created_at, id LIMIT 1`,
    [workspaceId],
  );
  if (!admin) throw new RestoreRefused('The workspace has no active admin to issue a token to.');
  const token = newApiToken();
  await tx.query(`UPDATE users SET token_sha256 = $2 WHERE id = $1`, [admin.id, hashToken(token)]);
  return { email: admin.email, token };
};

const ALREADY_SENT = 'Restored from an export: the installation it came from sent this, if anyone.';

/**
 * The deliveries the rebuild enqueues, settled in the same transaction so no dispatcher ever
 * sees them due: a restore shows the worker every event again, and the installation the export
 * came from already mailed those notifications and called those webhooks. Without this, every
 * person would be mailed their whole history.
 */
const settledDeliveries: Readonly<
  Record<string, (tx: EntityManager, events: readonly StoredEvent[]) => Promise<unknown>>
> = {
  email_outbox: (tx, events) =>
    tx.query(
      `UPDATE email_deliveries SET status = 'skipped', outcome = $2, finished_at = now()
       WHERE id = ANY($1::text[]) AND status = 'pending'`,
      [
        events.map((event) => (event.data as { notificationId: string }).notificationId),
        ALREADY_SENT,
      ],
    ),
  // Through the due index: only what this batch enqueued is still pending.
  webhook_deliveries: (tx) =>
    tx.query(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL
       WHERE status IN ('pending', 'retrying')`,
    ),
};

const forRestore = (projection: Projection): Projection => {
  const settle = settledDeliveries[projection.name];
  if (!settle) return projection;
  return {
    ...projection,
    applyBatch: async (tx, events) => {
      await projection.applyBatch(tx, events);
      await settle(tx, events);
    },
  };
};

/**
 * Restores an export into an empty, migrated installation, in one transaction (all or nothing):
 * checks that it is empty and the files against the manifest before writing anything, appends
 * every event verbatim and restores the people. Then it rebuilds every projection from the log;
 * should a rebuild fail, the log is already whole and `npm run rebuild-projections` finishes.
 */
export const restoreWorkspace = async (
  db: DataSource,
  file: ExportFile,
  { log = () => undefined, issueAdminToken: withToken = false }: RestoreOptions = {},
): Promise<RestoreResult> => {
  const manifest = file.manifest === null ? null : readManifest(file.manifest);
  const restored = await db.transaction(async (tx) => {
    // Two restores at once would both find the installation empty.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('chorus:restore-workspace'))`);
    await checkInstallation(tx, manifest);
    if (manifest) {
      await verify(file, manifest);
      log(
        `checked ${manifest.events.count} events and ${manifest.people.count} people against the manifest`,
      );
    }
    const { workspaceId, count } = await restoreEvents(
      tx,
      await file.events(),
      manifest?.workspace.id ?? null,
    );
    log(`appended ${count} events of workspace ${workspaceId}`);
    const people = file.people ? await restorePeople(tx, await file.people(), workspaceId) : 0;
    log(`restored ${people} people (without passwords: they reset theirs)`);
    const adminToken = withToken ? await issueAdminToken(tx, workspaceId) : null;
    return { workspaceId, events: count, people, adminToken };
  });
  const store = new PostgresEventStore(db);
  const rebuilt: RestoreResult['projections'] = [];
  for (const projection of projections) {
    const events = await rebuildProjection(db, store, forRestore(projection));
    rebuilt.push({ name: projection.name, events });
    log(`${projection.name}: rebuilt from ${events} events`);
  }
  return { ...restored, projections: rebuilt };
};
