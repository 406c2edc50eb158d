import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Codes mailed to an address, for a password reset or a customer's sign-in: six digits, valid
 * fifteen minutes, five wrong tries. Not events: a code is a secret for a moment, not a fact of
 * anyone's life. Only its SHA-256 is kept, one row per workspace, purpose and address (a new
 * request replaces the row), and rows past their time are deleted when the next code is issued.
 */
export class OneTimeCodes1764300000018 implements MigrationInterface {
  name = 'OneTimeCodes1764300000018';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE one_time_codes (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('password-reset', 'customer-sign-in')),
        email text NOT NULL CHECK (email = lower(email)),
        code_sha256 bytea NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        UNIQUE (workspace_id, purpose, email)
      )`);
    await db.query(`CREATE INDEX one_time_codes_expiry ON one_time_codes (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE one_time_codes`);
  }
}
