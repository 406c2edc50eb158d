import type { DataSource } from 'typeorm';
import { DomainRuleViolation, isStaff, type Teammate } from '@chorus/domain';
import type { AuthenticatedActor } from '../platform/auth';
import { ProblemException } from '../platform/problem-details';

/** The teammates (admins and staff) of a workspace with the given ids; unknown ids are left out. */
export const findTeammates = async (
  db: Pick<DataSource, 'query'>,
  workspaceId: string,
  ids?: readonly string[],
): Promise<Teammate[]> =>
  db.query<Teammate[]>(
    `SELECT id::text AS id, name, email, role FROM users
     WHERE workspace_id = $1 AND role IN ('admin', 'staff') AND ($2::text[] IS NULL OR id::text = ANY($2))
     ORDER BY name, id`,
    [workspaceId, ids ?? null],
  );

/**
 * Mentions must name teammates of the reader's workspace: a customer or a stranger cannot be
 * notified of internal discussion. Returns the mentioned teammates by id.
 */
export const requireTeammates = async (
  db: Pick<DataSource, 'query'>,
  workspaceId: string,
  ids: readonly string[] | undefined,
): Promise<Map<string, Teammate>> => {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return new Map();
  const found = new Map((await findTeammates(db, workspaceId, unique)).map((t) => [t.id, t]));
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new DomainRuleViolation(
      `Only teammates of this workspace can be mentioned; ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not.`,
      'mentions',
    );
  }
  return found;
};

/** Refuses a customer with 403: for what only teammates may see. */
export const staffOnly = (actor: AuthenticatedActor, what: string): void => {
  if (!isStaff(actor)) {
    throw new ProblemException(403, 'forbidden', 'Forbidden', `Only teammates can see ${what}.`);
  }
};
