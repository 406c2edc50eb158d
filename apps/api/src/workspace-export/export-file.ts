import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { ARCHIVE_FILES } from './workspace-archive';

/**
 * What a restore reads: an export's zip, or a bare `events.jsonl` (events only, nothing to check
 * it against). Each file can be read more than once: once to check it, once to restore it.
 */
export type ExportFile = {
  /** The manifest's text, when there is one. */
  manifest: string | null;
  events: () => Promise<Readable>;
  /** The people beside the log; null for a bare events file. */
  people: (() => Promise<Readable>) | null;
  close: () => void;
};

const fromZip = async (path: string): Promise<ExportFile> => {
  // Entries are read from the central directory, and each file on demand: nothing is unpacked.
  const zip: ZipFile = await openPromise(path, { lazyEntries: true, autoClose: false });
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const entryOf = (name: string): Entry => {
      const entry = entries.get(name);
      if (!entry) throw new Error(`${path} is not a Chorus export: it has no ${name}.`);
      return entry;
    };
    const manifest = await text(await zip.openReadStreamPromise(entryOf(ARCHIVE_FILES.manifest)));
    const events = entryOf(ARCHIVE_FILES.events);
    const people = entryOf(ARCHIVE_FILES.people);
    return {
      manifest,
      events: () => zip.openReadStreamPromise(events),
      people: () => zip.openReadStreamPromise(people),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
};

/** Opens an export by its name: `.zip` or `.jsonl`. */
export const openExportFile = async (path: string): Promise<ExportFile> => {
  if (path.endsWith('.zip')) return fromZip(path);
  if (path.endsWith('.jsonl')) {
    return {
      manifest: null,
      events: () => Promise.resolve(createReadStream(path)),
      people: null,
      close: () => undefined,
    };
  }
  throw new Error(`${path} is neither an export's .zip nor an events .jsonl file.`);
};
