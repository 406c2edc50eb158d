import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The six roles of the permission matrix (packages/domain/src/shared/permissions.ts). The
 * foundation's single "staff" role becomes "teammate": the narrowest role of the organisation,
 * so nobody gains a permission by the change; admins widen it by role changes.
 */
export class Roles1764300000014 implements MigrationInterface {
  name = 'Roles1764300000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`UPDATE users SET role = 'teammate' WHERE role = 'staff'`);
    await db.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
        ('admin', 'product_manager', 'product_owner', 'teammate', 'viewer', 'customer'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`UPDATE users SET role = 'staff' WHERE role <> 'admin' AND role <> 'customer'`);
    await db.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'staff', 'customer'))`,
    );
  }
}
