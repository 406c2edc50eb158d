import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  changeNotificationsStreamId,
  decideActivityNotifications,
  mentionedHandles,
  type Catalog,
  type ExistingFeedback,
  type NotifiableChange,
  type NotificationRecipient,
} from '@chorus/domain';
import type { CommandContext, PostgresEventStore } from '@chorus/event-store';
import { isVisibleTo } from '../feedback/feedback-visibility';
import { readFollowers } from '../follow/followers';

type Queryable = Pick<EntityManager, 'query'>;

/** People with an account: whether they are of the team, and whether they may still sign in. */
const accountsOf = async (db: Queryable, workspaceId: string, ids: readonly string[]) => {
  if (ids.length === 0) return new Map<string, { staff: boolean; active: boolean }>();
  const rows = await db.query<{ id: string; staff: boolean; active: boolean }[]>(
    `SELECT id::text AS id, role <> 'customer' AS staff, status = 'active' AS active
     FROM users WHERE workspace_id = $1 AND id::text = ANY($2)`,
    [workspaceId, ids],
  );
  return new Map(rows.map(({ id, ...account }) => [id, account]));
};

/**
 * The followers of a feedback item who may be told of a change to it: teammates, and customers
 * who may see every item the notice links to (not on a private board, not spam, not someone
 * else's post awaiting approval). People whose account is deactivated or erased are not told.
 */
export const followersToNotify = async (
  db: Queryable,
  workspaceId: string,
  feedbackId: string,
  linked: readonly ExistingFeedback[],
  catalog: Catalog,
): Promise<NotificationRecipient[]> => {
  const followers = await readFollowers(db, workspaceId, feedbackId);
  const accounts = await accountsOf(
    db,
    workspaceId,
    followers.map((f) => f.id),
  );
  const privateBoards = catalog.boards.filter((b) => b.visibility === 'private').map((b) => b.id);
  return followers.flatMap(({ id }): NotificationRecipient[] => {
    const account = accounts.get(id);
    if (account && !account.active) return [];
    if (account?.staff) return [{ personId: id, staff: true }];
    const seesAll = linked.every((item) => isVisibleTo(item, { readerId: id, privateBoards }));
    return seesAll ? [{ personId: id, staff: false }] : [];
  });
};

/**
 * The active teammates a comment mentions: picked by id, or written as `@handle`, the part of
 * their email before the @, in any case. Customers cannot be mentioned.
 */
export const mentionedTeammates = async (
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
  body: string,
): Promise<NotificationRecipient[]> => {
  const handles = mentionedHandles(body);
  if (ids.length === 0 && handles.length === 0) return [];
  const rows = await db.query<{ id: string }[]>(
    `SELECT id::text AS id FROM users
     WHERE workspace_id = $1 AND role <> 'customer' AND status = 'active'
       AND (id::text = ANY($2) OR lower(split_part(email, '@', 1)) = ANY($3))
     ORDER BY id`,
    [workspaceId, ids, handles],
  );
  return rows.map((r) => ({ personId: r.id, staff: true }));
};

/**
 * Appends the notifications of a change in the caller's transaction, as a new stream named by
 * the changed stream and the version the change took it to: written at most once.
 */
export const appendActivityNotifications = async (
  store: PostgresEventStore,
  tx: EntityManager,
  changed: { streamId: string; version: number },
  change: NotifiableChange,
  followers: readonly NotificationRecipient[],
  context: CommandContext,
): Promise<void> => {
  const events = decideActivityNotifications({ change, followers, newId: randomUUID });
  await store.append(
    changeNotificationsStreamId(changed.streamId, changed.version),
    0,
    events,
    context,
    tx,
  );
};
