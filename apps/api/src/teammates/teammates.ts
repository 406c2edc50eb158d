import type { DataSource } from 'typeorm';
import { DomainRuleViolation, type Teammate } from '@chorus/domain';

/** The teammates (everyone but customers) of a workspace with the given ids; unknown ids are left out. */
export const findTeammates = async (
  db: Pick<DataSource, 'query'>,
  workspaceId: string,
  ids?: readonly string[],
): Promise<Teammate[]> =>
  db.query<Teammate[]>(
    `SELECT id::text AS id, name, email, role FROM users
     WHERE workspace_id = $1 AND role <> 'customer' AND ($2::text[] IS NULL OR id::text = ANY($2))
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
