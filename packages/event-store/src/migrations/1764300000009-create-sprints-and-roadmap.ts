import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of sprints and of the roadmap's initiatives. Their items' points and progress are
 * summed from `backlog_items` when read. Completing a sprint must find every item planned into it
 * even before the backlog projection has caught up, so it looks them up in the log itself.
 */
export class CreateSprintsAndRoadmap1764300000009 implements MigrationInterface {
  name = 'CreateSprintsAndRoadmap1764300000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sprints (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        name text NOT NULL,
        goal text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        capacity numeric NOT NULL,
        state text NOT NULL CHECK (state IN ('planned', 'active', 'completed')),
        accepted_item_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await db.query(
      `CREATE INDEX sprints_newest_first ON sprints (workspace_id, start_date DESC, created_at DESC, id)`,
    );
    await db.query(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        lane text NOT NULL CHECK (lane IN ('now', 'next', 'later')),
        quarter text NULL,
        visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await db.query(
      `CREATE INDEX initiatives_on_roadmap ON initiatives (workspace_id, created_at, id) WHERE NOT archived`,
    );
    await db.query(
      `CREATE INDEX events_planned_into_sprint ON events ((data->>'sprintId'))
       WHERE type = 'BacklogItemPlanned'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_planned_into_sprint`);
    await db.query(`DROP TABLE initiatives`);
    await db.query(`DROP TABLE sprints`);
  }
}
