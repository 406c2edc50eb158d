import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with the organisation's OIDC provider. The settings are events on the workspace
 * stream; this keeps them with the client secret (never in an event) for the sign-in path, the
 * sign-ins in flight (state, PKCE verifier, nonce: minutes long), and each person's subject at
 * the provider, which names them for good even if their email changes.
 */
export class SingleSignOn1764300000017 implements MigrationInterface {
  name = 'SingleSignOn1764300000017';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sso_connections (
        workspace_id uuid PRIMARY KEY,
        enabled boolean NOT NULL,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret text NOT NULL,
        role_claim text,
        role_map jsonb NOT NULL,
        default_role text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sso_logins (
        state text PRIMARY KEY,
        workspace_id uuid NOT NULL,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        return_to text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`ALTER TABLE users ADD COLUMN sso_subject text`);
    await db.query(
      `CREATE UNIQUE INDEX users_sso_subject ON users (workspace_id, sso_subject) WHERE sso_subject IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_sso_subject`);
    await db.query(`ALTER TABLE users DROP COLUMN sso_subject`);
    await db.query(`DROP TABLE sso_logins`);
    await db.query(`DROP TABLE sso_connections`);
  }
}
