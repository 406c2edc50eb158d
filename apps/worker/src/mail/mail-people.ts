import type { EntityManager } from 'typeorm';
import {
  effectivePreferences,
  fold,
  notificationPreferencesDecider,
  notificationPreferencesStreamId,
  type ActorRoleName,
  type NotificationCategory,
  type NotificationPreferencesChanged,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * A person mail may be about: a member of the workspace (`users`, customers who sign in
 * included) or a customer known from the host application (`customers`). `email` is null when
 * no mail may reach them: erased, deactivated, not yet joined, or no address known.
 */
export type MailPerson = { name: string; role: ActorRoleName; email: string | null };

export const findMailPerson = async (
  db: Queryable,
  workspaceId: string,
  personId: string,
): Promise<MailPerson | null> => {
  const [member] = await db.query<{ name: string; role: ActorRoleName; email: string | null }[]>(
    `SELECT name, role, CASE WHEN status = 'active' THEN email END AS email
     FROM users WHERE workspace_id = $1 AND id::text = $2`,
    [workspaceId, personId],
  );
  if (member) return member;
  const [customer] = await db.query<{ name: string; email: string | null }[]>(
    `SELECT name, email FROM customers WHERE workspace_id = $1 AND customer_id::text = $2`,
    [workspaceId, personId],
  );
  return customer ? { ...customer, role: 'customer' } : null;
};

/** Which categories reach the person now: their choices, else their role's defaults. */
export const readNotificationPreferences = async (
  store: PostgresEventStore,
  workspaceId: string,
  personId: string,
  role: ActorRoleName,
): Promise<Record<NotificationCategory, boolean>> => {
  const events = await store.readStream(notificationPreferencesStreamId(personId), {
    workspaceId,
  });
  const state = fold(
    notificationPreferencesDecider,
    events.map((e) => ({ type: e.type, data: e.data }) as NotificationPreferencesChanged),
  );
  return effectivePreferences(state, role);
};
