import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kafka delivers at least once, and the relay may publish an event twice: projections fed from
 * Kafka remember the last version applied per stream, in the same transaction as their rows.
 */
export class CreateProjectionStreamVersions1764300000003 implements MigrationInterface {
  name = 'CreateProjectionStreamVersions1764300000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_stream_versions (
        projection text NOT NULL,
        stream_id text NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (projection, stream_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projection_stream_versions`);
  }
}
