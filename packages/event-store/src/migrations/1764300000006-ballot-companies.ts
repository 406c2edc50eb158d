import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A standing vote remembers its voter's company, so a batch of votes updates an item's revenue by
 * looking only at that company's votes on the item's group, not at every vote on it.
 */
export class BallotCompanies1764300000006 implements MigrationInterface {
  name = 'BallotCompanies1764300000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE feedback_ballots ADD COLUMN company_id uuid`);
    await db.query(
      `CREATE INDEX feedback_ballots_by_company ON feedback_ballots (company_id, feedback_id)
       WHERE company_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX feedback_ballots_by_company`);
    await db.query(`ALTER TABLE feedback_ballots DROP COLUMN company_id`);
  }
}
