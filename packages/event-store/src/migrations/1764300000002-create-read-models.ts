import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModels1764300000002 implements MigrationInterface {
  name = 'CreateReadModels1764300000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workspaces (
        workspace_id uuid PRIMARY KEY,
        name text NOT NULL,
        slug text NOT NULL UNIQUE
      )`);
    await db.query(`
      CREATE TABLE feedback_list (
        feedback_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        board_id text NOT NULL,
        author_id text NOT NULL,
        status text NOT NULL,
        vote_count integer NOT NULL,
        voter_count integer NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        last_activity_at timestamptz NOT NULL
      )`);
    // One index per sort order of the inbox; feedback_id breaks ties for keyset pagination.
    await db.query(
      `CREATE INDEX feedback_list_by_votes ON feedback_list (workspace_id, vote_count DESC, feedback_id DESC)`,
    );
    await db.query(
      `CREATE INDEX feedback_list_by_newest ON feedback_list (workspace_id, created_at DESC, feedback_id DESC)`,
    );
    await db.query(
      `CREATE INDEX feedback_list_by_activity ON feedback_list (workspace_id, last_activity_at DESC, feedback_id DESC)`,
    );
    await db.query(`
      CREATE TABLE feedback_ballots (
        feedback_id uuid NOT NULL,
        voter_id text NOT NULL,
        workspace_id uuid NOT NULL,
        voted_at timestamptz NOT NULL,
        PRIMARY KEY (feedback_id, voter_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE feedback_ballots`);
    await db.query(`DROP TABLE feedback_list`);
    await db.query(`DROP TABLE workspaces`);
  }
}
