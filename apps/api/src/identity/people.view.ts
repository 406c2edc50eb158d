import type { DataSource, EntityManager } from 'typeorm';
import type { PersonView } from '@chorus/domain';
import { iso } from '../platform/sql-time';

/** The people of a workspace (customers are in the customers list), or the one asked for. */
export const readPeople = (
  db: Pick<DataSource | EntityManager, 'query'>,
  workspaceId: string,
  personId?: string,
): Promise<PersonView[]> =>
  db.query<PersonView[]>(
    `SELECT id, name, email, role, status, ${iso('created_at')} AS "createdAt",
       ${iso('last_sign_in_at')} AS "lastSignInAt",
       ${iso("CASE WHEN status = 'invited' THEN invitation_expires_at END")} AS "invitationExpiresAt",
       password_hash IS NOT NULL AS "hasPassword"
     FROM users
     WHERE workspace_id = $1 AND role <> 'customer' AND ($2::uuid IS NULL OR id = $2)
     ORDER BY status IN ('deactivated', 'erased'), status = 'erased', lower(name), id`,
    [workspaceId, personId ?? null],
  );
