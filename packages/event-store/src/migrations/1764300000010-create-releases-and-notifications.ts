import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Releases with their changelog entry (the releases screen, the changelog and the scheduler's
 * due list), and each person's in-app notifications.
 */
export class CreateReleasesAndNotifications1764300000010 implements MigrationInterface {
  name = 'CreateReleasesAndNotifications1764300000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE releases (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        name text NOT NULL,
        date date NOT NULL,
        item_ids uuid[] NOT NULL DEFAULT '{}',
        changelog_title text,
        changelog_body text,
        state text NOT NULL CHECK (state IN ('draft', 'scheduled', 'published')),
        publish_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await db.query(
      `CREATE INDEX releases_by_date ON releases (workspace_id, date DESC, created_at DESC, id DESC)`,
    );
    // The changelog pages by publication; the scheduler looks only at what is scheduled.
    await db.query(
      `CREATE INDEX releases_published ON releases (workspace_id, published_at DESC, id DESC)
       WHERE state = 'published'`,
    );
    await db.query(`CREATE INDEX releases_due ON releases (publish_at) WHERE state = 'scheduled'`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        person_id text NOT NULL,
        kind text NOT NULL,
        release_id uuid NOT NULL,
        release_name text NOT NULL,
        feedback_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX notifications_by_person ON notifications (workspace_id, person_id, created_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE releases`);
  }
}
