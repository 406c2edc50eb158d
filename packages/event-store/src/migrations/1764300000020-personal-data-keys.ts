import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One key per person whose personal data events carry (crypto-shredding): their fields are
 * sealed with it; erasing them sets it to NULL for good, and a tombstone stays so no new key is
 * ever made for them. Keys are made with the person's first event, in its transaction.
 */
export class PersonalDataKeys1764300000020 implements MigrationInterface {
  name = 'PersonalDataKeys1764300000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_data_keys (
        workspace_id uuid NOT NULL,
        subject_id text NOT NULL,
        key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        PRIMARY KEY (workspace_id, subject_id),
        CHECK ((key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE personal_data_keys`);
  }
}
