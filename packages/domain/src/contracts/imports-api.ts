// Shapes of the import jobs endpoints (permission `workspace.import`), shared by the API and the
// web app. An import is a background job: upload the file, then poll the job for its progress.
// Every imported thing gets an id derived from (workspace, source, its id in the source), so
// running an import again changes nothing that is already there (docs/imports.md).

/** What the uploaded file is. */
export const importSources = [
  'csv-feedback',
  'csv-votes',
  'csv-customers',
  'csv-companies',
  'canny',
  'fider',
] as const;
export type ImportSource = (typeof importSources)[number];

/**
 * `POST /api/v1/imports?source=…&dryRun=…`: the file itself is the raw body, with
 * `Content-Type: text/csv` for the CSV sources, `application/json` for a Canny export
 * (`{ boards, posts, votes, comments, users, companies, tags, entries }`, each array in the shapes
 * of Canny's API) and `application/zip` for a Fider backup (the `backup.zip` of Fider's admin
 * page, one `<table>.json` per table). At most `IMPORT_MAX_BYTES`.
 * The answer is 202 with the queued job (`ImportJobDetail`) and its `Location`.
 */
export type ImportQuery = {
  source: ImportSource;
  /** Validate and count what would change, append nothing. False unless given. */
  dryRun?: boolean;
};

export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** What an import creates, each counted on its own, in the order an import applies them. */
export const importItemKinds = [
  'boards',
  'tags',
  'statuses',
  'companies',
  'customers',
  'feedback',
  'votes',
  'comments',
  'merges',
  'changelog',
] as const;
export type ImportItemKind = (typeof importItemKinds)[number];

/**
 * Created: new in Chorus. Updated: already there and changed by this file (a customer's company,
 * a company's MRR). Skipped: already there as the file says, e.g. on a second run.
 */
export type ImportCounts = { created: number; updated: number; skipped: number };

/**
 * One problem with one record of the file; the record is left out, the others go on. `row` is
 * the CSV data row (1 = the first row after the header) or the position (from 1) of the record
 * in `part`; `field` is the CSV column or the record's property, null for the whole record.
 */
export type ImportJobError = {
  /** Null for a CSV; for a Canny export its array (`posts`), for a Fider backup its table. */
  part: string | null;
  row: number;
  field: string | null;
  message: string;
};

export type ImportJob = {
  id: string;
  source: ImportSource;
  dryRun: boolean;
  status: ImportJobStatus;
  /** Records to apply, known once the file is read (null while queued). */
  total: number | null;
  /** Records applied (or, in a dry run, checked) so far: the progress is `processed / total`. */
  processed: number;
  /** The sums over every kind. */
  created: number;
  updated: number;
  skipped: number;
  /** Every problem found, including those beyond the `errors` kept. */
  errorCount: number;
  /** Why a failed job stopped (an unreadable file, an interrupted run), null otherwise. */
  failure: string | null;
  /** ISO timestamps. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Who started it: their name as it is today. */
  by: { id: string; name: string | null };
};

/** `GET /api/v1/imports/:id` (and the answer to the POST): a job with its details. */
export type ImportJobDetail = ImportJob & {
  byKind: Partial<Record<ImportItemKind, ImportCounts>>;
  /**
   * The first problems met (at most `IMPORT_ERRORS_KEPT`), by part and row; `errorCount` says how
   * many there were. `GET /api/v1/imports/:id/errors.csv` has the same as CSV: part,row,field,message.
   */
  errors: ImportJobError[];
};

/** `GET /api/v1/imports?limit=&cursor=`: newest first, 20 per page unless `limit` (at most 100). */
export type ImportJobPage = { items: ImportJob[]; nextCursor: string | null };

/** How many of a job's problems are kept to show and download. */
export const IMPORT_ERRORS_KEPT = 1_000;

/** The largest file an import takes, in bytes. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * The media types each source is sent as: the first is the one to send; the others are what
 * browsers label such files with, and are accepted too.
 */
export const importMediaTypes: Record<ImportSource, readonly string[]> = {
  'csv-feedback': ['text/csv', 'application/csv', 'application/vnd.ms-excel'],
  'csv-votes': ['text/csv', 'application/csv', 'application/vnd.ms-excel'],
  'csv-customers': ['text/csv', 'application/csv', 'application/vnd.ms-excel'],
  'csv-companies': ['text/csv', 'application/csv', 'application/vnd.ms-excel'],
  canny: ['application/json'],
  fider: ['application/zip', 'application/x-zip-compressed'],
};
