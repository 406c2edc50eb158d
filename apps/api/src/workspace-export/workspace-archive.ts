import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Archiver } from 'archiver';
import type { ExportedFile, ExportManifest } from '@chorus/domain';
import { jsonLines, Sha256 } from './export-streams';
import { readModelTables } from './read-model-tables';
import type { WorkspaceSnapshot } from './workspace-snapshot';

/** The archive's file names: docs/export.md describes each. */
export const ARCHIVE_FILES = {
  manifest: 'manifest.json',
  events: 'events.jsonl',
  people: 'people.jsonl',
  readModel: (table: string) => `read-models/${table}.csv`,
} as const;

/** Counts the records of pages as they pass. */
async function* counted<T>(
  pages: AsyncIterable<readonly T[]>,
  tally: { count: number },
): AsyncGenerator<readonly T[]> {
  for await (const page of pages) {
    tally.count += page.length;
    yield page;
  }
}

/**
 * Streams `source` into the archive as the entry `path`, hashing it on the way: the archive
 * writes one entry at a time, so this resolves once the client has taken the entry's bytes.
 */
const addEntry = async (
  archive: Archiver,
  path: string,
  source: Readable,
  signal: AbortSignal,
): Promise<string> => {
  const entry = new PassThrough();
  const sha256 = new Sha256();
  archive.append(entry, { name: path });
  await pipeline(source, sha256, entry, { signal });
  return sha256.digest();
};

const addJsonLines = async <T>(
  archive: Archiver,
  path: string,
  pages: AsyncIterable<readonly T[]>,
  signal: AbortSignal,
): Promise<ExportedFile> => {
  const tally = { count: 0 };
  const source = Readable.from(jsonLines(counted(pages, tally)), { objectMode: false });
  const sha256 = await addEntry(archive, path, source, signal);
  return { path, count: tally.count, sha256 };
};

/**
 * Writes the whole workspace into the archive from one snapshot: its events, its people and
 * each read-model table, then the manifest that counts and checksums them (last, because only
 * then are those known; unzipping reads the central directory, so the order does not matter).
 * `signal` aborts when the client goes away. The caller closes the snapshot.
 */
export const writeWorkspaceArchive = async (
  archive: Archiver,
  snapshot: WorkspaceSnapshot,
  signal: AbortSignal,
): Promise<ExportManifest> => {
  const exportedAt = new Date().toISOString();
  const [workspace] = await snapshot.query<{ name: string; slug: string }[]>(
    `SELECT name, slug FROM workspaces WHERE workspace_id = $1`,
    [snapshot.workspaceId],
  );
  const [migration] = await snapshot.query<{ name: string }[]>(
    `SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1`,
  );
  const events = await addJsonLines(archive, ARCHIVE_FILES.events, snapshot.events(), signal);
  const people = await addJsonLines(archive, ARCHIVE_FILES.people, snapshot.people(), signal);
  const readModels: ExportManifest['readModels'] = [];
  for (const table of await readModelTables(snapshot)) {
    const path = ARCHIVE_FILES.readModel(table.table);
    const csv = snapshot.readModelCsv(table);
    const sha256 = await addEntry(archive, path, csv, signal);
    readModels.push({
      path,
      count: csv.rowCount,
      sha256,
      table: table.table,
      projection: table.projection,
    });
  }
  return {
    format: 'chorus-workspace-export',
    formatVersion: 1,
    workspace: {
      id: snapshot.workspaceId,
      name: workspace?.name ?? null,
      slug: workspace?.slug ?? null,
    },
    exportedAt,
    schemaMigration: migration?.name ?? '',
    events,
    people,
    readModels,
  };
};
