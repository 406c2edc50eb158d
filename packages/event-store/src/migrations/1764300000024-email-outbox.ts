import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email notifications. `email_outbox` is the worker's projection of `PersonNotified`: what each
 * mail tells, rebuilt from the log like any read model. `email_deliveries` is what happened to
 * each mail — sent, skipped, failed, or when to try again — a fact about the world outside that
 * no log replay can recreate, so it lives beside the projection and a rebuild never touches it:
 * a notification whose delivery row says sent is never mailed again. Weekly digests have a
 * delivery row only, keyed by person and week. `unsubscribe_keys` holds the secret that signs
 * the unsubscribe links, shared by the worker that writes them and the API that reads them.
 */
export class EmailOutbox1764300000024 implements MigrationInterface {
  name = 'EmailOutbox1764300000024';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        person_id text NOT NULL,
        kind text NOT NULL,
        notification jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE email_deliveries (
        id text PRIMARY KEY,
        workspace_id uuid NOT NULL,
        person_id text NOT NULL,
        category text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        digest jsonb,
        message_id text,
        outcome text,
        finished_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX email_deliveries_due ON email_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX email_deliveries_by_person ON email_deliveries (workspace_id, person_id)`,
    );
    await db.query(`
      CREATE TABLE unsubscribe_keys (
        id smallint PRIMARY KEY,
        secret bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unsubscribe_keys`);
    await db.query(`DROP TABLE email_deliveries`);
    await db.query(`DROP TABLE email_outbox`);
  }
}
