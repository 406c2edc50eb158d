import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys for services. Their life is in the `api-keys-<workspaceId>` stream; this table holds
 * what authentication needs and events must not carry: the SHA-256 of the secret. It is written
 * in the transaction that appends the event.
 */
export class ApiKeys1764300000015 implements MigrationInterface {
  name = 'ApiKeys1764300000015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        name text NOT NULL,
        scopes text[] NOT NULL,
        prefix text NOT NULL,
        key_sha256 bytea NOT NULL UNIQUE,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_keys_workspace ON api_keys (workspace_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
  }
}
