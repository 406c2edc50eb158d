import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications of status changes, comments, merges and mentions beside those of releases: the
 * release columns only hold for `feedback_shipped`; the others name the one feedback item in
 * `feedback_ids`, who acted, and what they did, as the event told it.
 */
export class NotificationKinds1764300000023 implements MigrationInterface {
  name = 'NotificationKinds1764300000023';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notifications
        ALTER COLUMN release_id DROP NOT NULL,
        ALTER COLUMN release_name DROP NOT NULL,
        ADD COLUMN by_id text,
        ADD COLUMN feedback_title text,
        ADD COLUMN status_id text,
        ADD COLUMN status_name text,
        ADD COLUMN comment_id uuid,
        ADD COLUMN into_feedback_id uuid,
        ADD COLUMN into_feedback_title text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind <> 'feedback_shipped'`);
    await db.query(`
      ALTER TABLE notifications
        DROP COLUMN by_id,
        DROP COLUMN feedback_title,
        DROP COLUMN status_id,
        DROP COLUMN status_name,
        DROP COLUMN comment_id,
        DROP COLUMN into_feedback_id,
        DROP COLUMN into_feedback_title,
        ALTER COLUMN release_id SET NOT NULL,
        ALTER COLUMN release_name SET NOT NULL`);
  }
}
