import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People sign in with a password (argon2id) or single sign-on into a session held in an HttpOnly
 * cookie; invitations and deactivation are events on `person-<personId>`. The `users` table keeps
 * what events must not carry: names, emails, secrets' hashes. People provisioned before this get
 * their `PersonJoined`, so every person has a stream.
 */
export class PeopleAndSessions1764300000016 implements MigrationInterface {
  name = 'PeopleAndSessions1764300000016';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ALTER COLUMN token_sha256 DROP NOT NULL,
        ADD COLUMN status text NOT NULL DEFAULT 'active'
          CHECK (status IN ('invited', 'active', 'deactivated')),
        ADD COLUMN password_hash text,
        ADD COLUMN invitation_sha256 bytea UNIQUE,
        ADD COLUMN invitation_expires_at timestamptz,
        ADD COLUMN last_sign_in_at timestamptz`);
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_sha256 bytea NOT NULL UNIQUE,
        csrf_sha256 bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_person ON sessions (person_id) WHERE revoked_at IS NULL`);
    await db.query(`
      INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version,
        workspace_id, data, metadata)
      SELECT 'person-' || u.id, 'person', 1, gen_random_uuid(), 'PersonJoined', 1, u.workspace_id,
        jsonb_build_object('personId', u.id, 'role', u.role, 'via', 'provisioning'),
        jsonb_build_object('workspaceId', u.workspace_id, 'actorId', u.id,
          'correlationId', gen_random_uuid(), 'causationId', NULL,
          'occurredAt', to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM users u
      WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'person-' || u.id)
      ORDER BY u.created_at, u.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM events WHERE stream_type = 'person'`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`
      ALTER TABLE users
        DROP COLUMN status, DROP COLUMN password_hash, DROP COLUMN invitation_sha256,
        DROP COLUMN invitation_expires_at, DROP COLUMN last_sign_in_at`);
  }
}
