import { z } from 'zod';
import type { DataSource } from 'typeorm';
import type {
  ImportCounts,
  ImportItemKind,
  ImportJob,
  ImportJobDetail,
  ImportJobError,
  ImportJobPage,
  ImportJobStatus,
  ImportSource,
} from '@chorus/domain';
import { CursorId, keysetCursor } from '../platform/keyset-cursor';
import { iso } from '../platform/sql-time';

type Queryable = Pick<DataSource, 'query'>;

type JobRecord = {
  id: string;
  source: ImportSource;
  dry_run: boolean;
  status: ImportJobStatus;
  total: number | null;
  processed: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  error_count: number;
  failure: string | null;
  created_at: string;
  /** With microseconds, for the page cursor. */
  created_at_exact: string;
  started_at: string | null;
  finished_at: string | null;
  created_by: string;
  by_name: string | null;
};

const JOB_COLUMNS = `j.id, j.source, j.dry_run, j.status, j.total, j.processed, j.created_count,
  j.updated_count, j.skipped_count, j.error_count, j.failure, ${iso('j.created_at')} AS created_at,
  to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_exact,
  ${iso('j.started_at')} AS started_at, ${iso('j.finished_at')} AS finished_at, j.created_by,
  u.name AS by_name`;
const JOB_FROM = `import_jobs j
  LEFT JOIN users u ON u.id::text = j.created_by AND u.workspace_id = j.workspace_id`;

const jobOf = (r: JobRecord): ImportJob => ({
  id: r.id,
  source: r.source,
  dryRun: r.dry_run,
  status: r.status,
  total: r.total,
  processed: r.processed,
  created: r.created_count,
  updated: r.updated_count,
  skipped: r.skipped_count,
  errorCount: r.error_count,
  failure: r.failure,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  by: { id: r.created_by, name: r.by_name },
});

/** One of the workspace's jobs with its details; null when the workspace has no such job. */
export const readImportJob = async (
  db: Queryable,
  workspaceId: string,
  jobId: string,
): Promise<ImportJobDetail | null> => {
  const [row] = await db.query<
    (JobRecord & {
      by_kind: Partial<Record<ImportItemKind, ImportCounts>>;
      errors: ImportJobError[];
    })[]
  >(
    `SELECT ${JOB_COLUMNS}, j.by_kind, j.errors FROM ${JOB_FROM}
     WHERE j.workspace_id = $1 AND j.id = $2`,
    [workspaceId, jobId],
  );
  return row ? { ...jobOf(row), byKind: row.by_kind, errors: row.errors } : null;
};

/**
 * Where a page of jobs ended: its last job's creation time (with Postgres' microseconds, so
 * jobs started within one millisecond are neither skipped nor repeated) and id.
 */
const jobCursor = keysetCursor(z.tuple([z.iso.datetime(), CursorId]));

/** The workspace's jobs, newest first, `limit` after `cursor`. */
export const readImportJobPage = async (
  db: Queryable,
  workspaceId: string,
  limit: number,
  cursor: string | undefined,
): Promise<ImportJobPage> => {
  const params: unknown[] = [workspaceId, limit + 1];
  let after = '';
  if (cursor !== undefined) {
    const [createdAt, id] = jobCursor.decode(cursor);
    params.push(createdAt, id);
    after = `AND (j.created_at, j.id) < ($3::timestamptz, $4::uuid)`;
  }
  const rows = await db.query<JobRecord[]>(
    `SELECT ${JOB_COLUMNS} FROM ${JOB_FROM}
     WHERE j.workspace_id = $1 ${after}
     ORDER BY j.created_at DESC, j.id DESC LIMIT $2`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(jobOf),
    nextCursor:
      rows.length > limit && last ? jobCursor.encode([last.created_at_exact, last.id]) : null,
  };
};
