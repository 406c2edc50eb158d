import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventStore1764300000000 implements MigrationInterface {
  name = 'CreateEventStore1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        schema_version integer NOT NULL,
        workspace_id uuid NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version)
      )`);
    // Readers of the global log order by (transaction_id, global_position).
    await db.query(`CREATE INDEX events_log_order ON events (transaction_id, global_position)`);
    await db.query(`CREATE INDEX events_workspace ON events (workspace_id, global_position)`);
    // One NOTIFY per inserting statement wakes the projection runners.
    await db.query(`
      CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('chorus_events', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER events_appended AFTER INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended()`);
    await db.query(`
      CREATE TABLE projection_checkpoints (
        projection text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        global_position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projection_checkpoints`);
    await db.query(`DROP TABLE events`);
    await db.query(`DROP FUNCTION notify_events_appended`);
  }
}
