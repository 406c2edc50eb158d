import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports run as jobs in the API process. A job's row is its progress and its report: the file
 * itself is never stored. Running jobs beat `heartbeat_at`; one whose beat stopped (the process
 * died) is marked failed by the next sweep. Imports are idempotent, so it can simply run again.
 */
export class ImportJobs1764300000026 implements MigrationInterface {
  name = 'ImportJobs1764300000026';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        source text NOT NULL,
        dry_run boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        total integer,
        processed integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        skipped_count integer NOT NULL DEFAULT 0,
        by_kind jsonb NOT NULL DEFAULT '{}',
        errors jsonb NOT NULL DEFAULT '[]',
        error_count integer NOT NULL DEFAULT 0,
        failure text,
        file_bytes integer NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX import_jobs_workspace ON import_jobs (workspace_id, created_at DESC, id)`,
    );
    await db.query(
      `CREATE INDEX import_jobs_unfinished ON import_jobs (heartbeat_at)
       WHERE status IN ('queued', 'running')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE import_jobs`);
  }
}
