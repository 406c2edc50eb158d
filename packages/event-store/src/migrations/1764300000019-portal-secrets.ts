import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secret a host application signs its users' sign-in tokens with (HS256): verifying needs
 * the secret itself, so it is kept, one per workspace; rotating replaces it. Its rotations are
 * events on the workspace stream, without the secret.
 */
export class PortalSecrets1764300000019 implements MigrationInterface {
  name = 'PortalSecrets1764300000019';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE portal_secrets (
        workspace_id uuid PRIMARY KEY,
        id uuid NOT NULL,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE portal_secrets`);
  }
}
