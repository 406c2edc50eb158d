import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Minimal identity for the foundation: people in a workspace with a hashed bearer token. */
export class CreateIdentity1764300000001 implements MigrationInterface {
  name = 'CreateIdentity1764300000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'staff', 'customer')),
        token_sha256 bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, email)
      )`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        workspace_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, actor_id, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
    await db.query(`DROP TABLE users`);
  }
}
