import type { DataSource } from 'typeorm';
import { DomainRuleViolation, rankBetween, type RankRequest } from '@chorus/domain';

type Queryable = Pick<DataSource, 'query'>;

// Ranks are ASCII keys compared byte by byte: in SQL with COLLATE "C", in JavaScript with `<`
// (code units, the same order for ASCII).

/** Where a new item goes: after the last item of the workspace, or before the first. */
export const rankForNewItem = async (
  db: Queryable,
  workspaceId: string,
  position: 'top' | 'bottom',
): Promise<string> => {
  const order = position === 'top' ? 'ASC' : 'DESC';
  const [edge] = await db.query<{ rank: string }[]>(
    `SELECT rank FROM backlog_items WHERE workspace_id = $1
     ORDER BY rank COLLATE "C" ${order}, id ${order} LIMIT 1`,
    [workspaceId],
  );
  const rank = edge?.rank ?? null;
  return position === 'top' ? rankBetween(null, rank) : rankBetween(rank, null);
};

const neighbourRank = async (
  db: Queryable,
  workspaceId: string,
  itemId: string,
  neighbourId: string,
  field: keyof RankRequest,
): Promise<string> => {
  if (neighbourId === itemId) {
    throw new DomainRuleViolation('An item cannot be placed next to itself.', field);
  }
  const [row] = await db.query<{ rank: string }[]>(
    `SELECT rank FROM backlog_items WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, neighbourId],
  );
  if (!row) {
    throw new DomainRuleViolation(
      `There is no backlog item ${neighbourId} in this workspace.`,
      field,
    );
  }
  return row.rank;
};

/** The nearest rank of another item strictly above (`>`) or below (`<`) `rank`; null at the end. */
const nearestRank = async (
  db: Queryable,
  workspaceId: string,
  itemId: string,
  rank: string,
  direction: '>' | '<',
): Promise<string | null> => {
  const [row] = await db.query<{ rank: string }[]>(
    `SELECT rank FROM backlog_items
     WHERE workspace_id = $1 AND id <> $2 AND rank COLLATE "C" ${direction} $3 COLLATE "C"
     ORDER BY rank COLLATE "C" ${direction === '>' ? 'ASC' : 'DESC'} LIMIT 1`,
    [workspaceId, itemId, rank],
  );
  return row?.rank ?? null;
};

/**
 * The rank that puts an item after `afterId` and before `beforeId`, as drag and drop reports
 * them (null: the top or the bottom; omitted: whatever is next to the other one now). When the
 * two neighbours are out of order or equal, another move landed between them a moment ago: the
 * item then goes right after `afterId`, computed from that side alone.
 */
export const rankForMove = async (
  db: Queryable,
  workspaceId: string,
  itemId: string,
  { afterId, beforeId }: RankRequest,
): Promise<string> => {
  let lower =
    afterId == null ? null : await neighbourRank(db, workspaceId, itemId, afterId, 'afterId');
  let upper =
    beforeId == null ? null : await neighbourRank(db, workspaceId, itemId, beforeId, 'beforeId');
  if (lower !== null && (beforeId === undefined || (upper !== null && !(lower < upper)))) {
    upper = await nearestRank(db, workspaceId, itemId, lower, '>');
  } else if (upper !== null && afterId === undefined) {
    lower = await nearestRank(db, workspaceId, itemId, upper, '<');
  }
  return rankBetween(lower, upper);
};
