import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Boards have categories; an inbox row remembers the one it is filed under. */
export class AddFeedbackCategories1764300000005 implements MigrationInterface {
  name = 'AddFeedbackCategories1764300000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE feedback_list ADD COLUMN category_id text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE feedback_list DROP COLUMN category_id`);
  }
}
