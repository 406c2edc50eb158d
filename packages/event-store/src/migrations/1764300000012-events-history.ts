import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roadmap and the backlog as of a past moment fold a workspace's initiative and backlog item
 * streams (`readHistory`). Partial, so votes and comments, the bulk of the log, pay nothing for
 * it on append.
 */
export class EventsHistory1764300000012 implements MigrationInterface {
  name = 'EventsHistory1764300000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX events_history ON events (workspace_id, stream_type)
       WHERE stream_type IN ('backlog', 'initiative')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_history`);
  }
}
