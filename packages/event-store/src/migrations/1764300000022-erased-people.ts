import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An erased person keeps a row (what they did still names them by id), with status `erased`. */
export class ErasedPeople1764300000022 implements MigrationInterface {
  name = 'ErasedPeople1764300000022';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_status_check`);
    await db.query(
      `ALTER TABLE users ADD CONSTRAINT users_status_check
         CHECK (status IN ('invited', 'active', 'deactivated', 'erased'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE users SET status = 'deactivated' WHERE status = 'erased'`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_status_check`);
    await db.query(
      `ALTER TABLE users ADD CONSTRAINT users_status_check
         CHECK (status IN ('invited', 'active', 'deactivated'))`,
    );
  }
}
