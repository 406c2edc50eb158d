import type { EntityManager } from 'typeorm';
import {
  AggregateNotFound,
  personDecider,
  personStreamId,
  type PersonCommand,
  type PersonEvent,
  type PersonView,
} from '@chorus/domain';
import type { CommandContext, PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../platform/run-decider';
import { readPeople } from './people.view';

/**
 * Decides a person's command and keeps their `users` row in step, in the caller's transaction.
 * Commands that could leave the workspace without an admin are decided under a workspace lock,
 * with the active admins counted inside it: two admins demoting each other cannot both succeed.
 */
export const changePerson = async (
  manager: EntityManager,
  store: PostgresEventStore,
  context: CommandContext,
  personId: string,
  command: (activeAdmins: number) => PersonCommand,
): Promise<{ events: PersonEvent[]; person: PersonView }> => {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('people-' || $1))`, [
    context.workspaceId,
  ]);
  const [{ admins }] = await manager.query<[{ admins: number }]>(
    `SELECT count(*)::int AS admins FROM users
     WHERE workspace_id = $1 AND role = 'admin' AND status = 'active'`,
    [context.workspaceId],
  );
  const { events } = await decideAndAppend(
    store,
    personDecider,
    personStreamId(personId),
    command(admins),
    context,
    { manager, retries: 0 },
  );
  for (const event of events) await applyToRow(manager, event);
  const [person] = await readPeople(manager, context.workspaceId, personId);
  if (!person) throw new AggregateNotFound('Person', personId);
  return { events, person };
};

const applyToRow = async (manager: EntityManager, event: PersonEvent): Promise<void> => {
  const { personId } = event.data;
  switch (event.type) {
    case 'PersonRoleChanged':
      await manager.query(`UPDATE users SET role = $2 WHERE id = $1`, [personId, event.data.to]);
      return;
    case 'PersonDeactivated':
      await manager.query(`UPDATE users SET status = 'deactivated' WHERE id = $1`, [personId]);
      await manager.query(
        `UPDATE sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`,
        [personId],
      );
      return;
    case 'PersonReactivated':
      await manager.query(`UPDATE users SET status = 'active' WHERE id = $1`, [personId]);
      return;
    case 'PersonJoined':
      await manager.query(
        `UPDATE users SET status = 'active', invitation_sha256 = NULL, invitation_expires_at = NULL
         WHERE id = $1`,
        [personId],
      );
      return;
    case 'PersonInvited':
      await manager.query(`UPDATE users SET invitation_expires_at = $2 WHERE id = $1`, [
        personId,
        event.data.expiresAt,
      ]);
      return;
    case 'PersonPasswordChanged':
      // The hash is written by the handler that holds the password.
      return;
    case 'PersonErased':
      await manager.query(
        `UPDATE users SET name = 'Erased person', email = 'erased-' || id || '@erased.invalid',
           status = 'erased', token_sha256 = NULL, password_hash = NULL, sso_subject = NULL,
           invitation_sha256 = NULL, invitation_expires_at = NULL, last_sign_in_at = NULL
         WHERE id = $1`,
        [personId],
      );
      await manager.query(`DELETE FROM sessions WHERE person_id = $1`, [personId]);
      return;
  }
};
