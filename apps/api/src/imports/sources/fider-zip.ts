import { basename } from 'node:path';
import { text } from 'node:stream/consumers';
import { fromBufferPromise } from 'yauzl';
import { UnreadableImport } from '../import-plan';
import { FIDER_TABLES } from './fider';

/** Uncompressed, a table of a backup can be at most this big (a zip bomb is refused). */
const MAX_TABLE_BYTES = 512 * 1024 * 1024;

/**
 * The tables of a Fider backup zip: each `<table>.json` this import reads, parsed. The backup's
 * blobs (uploaded images) and other tables are not read.
 */
export const readFiderBackup = async (zip: Buffer): Promise<Map<string, unknown>> => {
  let archive;
  try {
    archive = await fromBufferPromise(zip, { lazyEntries: true, validateEntrySizes: true });
  } catch (error) {
    throw new UnreadableImport(`This is not a readable zip file: ${(error as Error).message}`);
  }
  const wanted = new Set<string>(FIDER_TABLES);
  const tables = new Map<string, unknown>();
  try {
    for await (const entry of archive.eachEntry()) {
      const table = basename(entry.fileName, '.json');
      if (!entry.fileName.endsWith('.json') || !wanted.has(table) || tables.has(table)) continue;
      if (entry.uncompressedSize > MAX_TABLE_BYTES) {
        throw new UnreadableImport(`${entry.fileName} is too large to import.`);
      }
      const json = await text(await archive.openReadStreamPromise(entry));
      try {
        tables.set(table, JSON.parse(json));
      } catch (error) {
        throw new UnreadableImport(`${entry.fileName} is not JSON: ${(error as Error).message}`);
      }
    }
  } catch (error) {
    if (error instanceof UnreadableImport) throw error;
    throw new UnreadableImport(`This zip file is damaged: ${(error as Error).message}`);
  } finally {
    archive.close();
  }
  return tables;
};
