import type { DataSource, EntityManager } from 'typeorm';
import type { Me } from '@chorus/domain';
import type { AuthenticatedActor } from '../platform/auth';

/** Who is signed in, with their workspace's name and slug. */
export const meOf = async (
  db: Pick<DataSource | EntityManager, 'query'>,
  actor: Pick<AuthenticatedActor, 'id' | 'name' | 'email' | 'role' | 'workspaceId'>,
): Promise<Me> => {
  const [workspace] = await db.query<{ name: string; slug: string }[]>(
    `SELECT name, slug FROM workspaces WHERE workspace_id = $1`,
    [actor.workspaceId],
  );
  return {
    id: actor.id,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    workspace: {
      id: actor.workspaceId,
      name: workspace?.name ?? 'Workspace',
      slug: workspace?.slug ?? '',
    },
  };
};
