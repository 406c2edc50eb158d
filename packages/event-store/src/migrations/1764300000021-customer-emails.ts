import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email names one teammate of a workspace (it is how they sign in), but not one customer:
 * the same person may come in by an emailed code and, later, as their host application's user
 * with its own id — two customers, one address.
 */
export class CustomerEmails1764300000021 implements MigrationInterface {
  name = 'CustomerEmails1764300000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_workspace_id_email_key`);
    await db.query(
      `CREATE UNIQUE INDEX users_teammate_email ON users (workspace_id, lower(email)) WHERE role <> 'customer'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_teammate_email`);
    await db.query(
      `ALTER TABLE users ADD CONSTRAINT users_workspace_id_email_key UNIQUE (workspace_id, email)`,
    );
  }
}
