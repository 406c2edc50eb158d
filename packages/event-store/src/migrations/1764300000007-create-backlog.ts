import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The backlog read model: one row per epic, story or task, and which feedback each answers.
 * Ranks are ASCII fractional-indexing keys, so every index and query orders them with
 * COLLATE "C" (byte order), never the database's locale.
 */
export class CreateBacklog1764300000007 implements MigrationInterface {
  name = 'CreateBacklog1764300000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE backlog_items (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        kind text NOT NULL,
        parent_id uuid NULL,
        title text NOT NULL,
        description text NOT NULL,
        acceptance_criteria jsonb NOT NULL,
        estimate numeric NULL,
        labels text[] NOT NULL,
        owner_id text NULL,
        rank text NOT NULL,
        status text NOT NULL,
        sprint_id uuid NULL,
        initiative_id uuid NULL,
        release_id uuid NULL,
        ready boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await db.query(
      `CREATE INDEX backlog_items_by_rank ON backlog_items (workspace_id, rank COLLATE "C", id)`,
    );
    await db.query(
      `CREATE INDEX backlog_items_by_sprint ON backlog_items (workspace_id, sprint_id)`,
    );
    await db.query(
      `CREATE INDEX backlog_items_by_initiative ON backlog_items (workspace_id, initiative_id)`,
    );
    await db.query(
      `CREATE INDEX backlog_items_by_release ON backlog_items (workspace_id, release_id)`,
    );
    await db.query(
      `CREATE INDEX backlog_items_by_parent ON backlog_items (parent_id) WHERE parent_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE backlog_item_feedback (
        item_id uuid NOT NULL,
        feedback_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        PRIMARY KEY (item_id, feedback_id)
      )`);
    await db.query(
      `CREATE INDEX backlog_item_feedback_by_feedback ON backlog_item_feedback (feedback_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE backlog_item_feedback`);
    await db.query(`DROP TABLE backlog_items`);
  }
}
