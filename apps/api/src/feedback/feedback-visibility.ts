import { isStaff, type Catalog, type FeedbackItem } from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import type { DataSource } from 'typeorm';
import type { AuthenticatedActor } from '../platform/auth';
import { readCatalog } from '../catalog/read-catalog';
import { findFeedbackItem } from './feedback-item.view';

/**
 * What customers may not see: spam, rejected posts, other people's posts awaiting approval, and
 * anything on a private board. Teammates see everything in their workspace.
 */
export type CustomerVisibility = { readerId: string; privateBoards: string[] } | null;

export const customerVisibility = (
  actor: AuthenticatedActor,
  catalog: Catalog,
): CustomerVisibility =>
  isStaff(actor)
    ? null
    : {
        readerId: actor.id,
        privateBoards: catalog.boards.filter((b) => b.visibility === 'private').map((b) => b.id),
      };

export const visibilityFor = async (
  store: PostgresEventStore,
  actor: AuthenticatedActor,
): Promise<CustomerVisibility> =>
  isStaff(actor)
    ? null
    : customerVisibility(actor, (await readCatalog(store, actor.workspaceId)).catalog);

/** The SQL condition on `f` (feedback_list); pushes its parameters onto `params`. */
export const visibleToSql = (visibility: CustomerVisibility, params: unknown[]): string[] => {
  if (!visibility) return [];
  params.push(visibility.readerId, visibility.privateBoards);
  const reader = `$${params.length - 1}`;
  const privateBoards = `$${params.length}::text[]`;
  return [
    'NOT f.spam',
    `(f.moderation = 'approved' OR (f.moderation = 'pending' AND f.author_id = ${reader}))`,
    `f.board_id <> ALL(${privateBoards})`,
  ];
};

/** The same rule for an item read from the inbox or folded from its stream. */
export const isVisibleTo = (
  item: Pick<FeedbackItem, 'spam' | 'moderation' | 'authorId' | 'boardId'>,
  visibility: CustomerVisibility,
): boolean =>
  !visibility ||
  (!item.spam &&
    (item.moderation === 'approved' ||
      (item.moderation === 'pending' && item.authorId === visibility.readerId)) &&
    !visibility.privateBoards.includes(item.boardId));

/** The item as this reader sees it, or null when it is not there for them. */
export const findVisibleFeedbackItem = async (
  db: DataSource,
  store: PostgresEventStore,
  actor: AuthenticatedActor,
  feedbackId: string,
): Promise<FeedbackItem | null> => {
  const item = await findFeedbackItem(db, actor.workspaceId, actor.id, feedbackId);
  if (!item) return null;
  return isVisibleTo(item, await visibilityFor(store, actor)) ? item : null;
};
