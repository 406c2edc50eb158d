import type { DataSource } from 'typeorm';
import type { ActorRoleName } from '@chorus/domain';
import { findMailPerson, type UnsubscribeScope, type UnsubscribeTokens } from '@chorus/worker';
import { fieldError, validationFailed } from '../../platform/problem-details';

/** Whose mail an unsubscribe link is about, checked: the token's scope, their role, where. */
export type UnsubscribeLink = UnsubscribeScope & { role: ActorRoleName; workspaceName: string };

const invalidToken = () =>
  validationFailed([
    fieldError(
      ['token'],
      'This unsubscribe link is not valid. Copy the whole link from the mail, or choose your emails in your settings.',
    ),
  ]);

export const openUnsubscribeLink = async (
  db: DataSource,
  tokens: UnsubscribeTokens,
  token: string | undefined,
): Promise<UnsubscribeLink> => {
  const scope = token === undefined ? null : tokens.verify(token);
  if (!scope) throw invalidToken();
  const [[workspace], person] = await Promise.all([
    db.query<{ name: string }[]>(`SELECT name FROM workspaces WHERE workspace_id = $1`, [
      scope.workspaceId,
    ]),
    findMailPerson(db, scope.workspaceId, scope.personId),
  ]);
  if (!workspace) throw invalidToken();
  // Mail goes only to people Chorus knows; one gone since is unsubscribed as a customer would be.
  return { ...scope, role: person?.role ?? 'customer', workspaceName: workspace.name };
};
