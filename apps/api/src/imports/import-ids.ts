import { v5 as uuidV5 } from 'uuid';

// Fixed forever: changing it would give everything imported before a new id, so importing the
// same file again would create it twice.
const IMPORT_NAMESPACE = '9d4c1f7e-5a2b-4e83-b6d0-3f8a1c7e2b59';

/** Where imported things come from: a CSV file's ids are one family whatever its kind. */
export type SourceFamily = 'csv' | 'canny' | 'fider';

/** The kinds of imported things that get an id of their own (customers and companies do not). */
export type ImportedKind = 'feedback' | 'comment' | 'changelog';

/**
 * The Chorus id of something imported: derived from (workspace, source, kind, its id in the
 * source), so importing the same file twice addresses the same streams and decides nothing new.
 * Customers and companies keep the ids the API derives from their external ids
 * (customers/customer-ids.ts), so an import meets the ones the host application upserted.
 */
export const importedIdOf = (
  workspaceId: string,
  source: SourceFamily,
  kind: ImportedKind,
  sourceId: string,
): string => uuidV5(`${workspaceId}:${source}:${kind}:${sourceId}`, IMPORT_NAMESPACE);
