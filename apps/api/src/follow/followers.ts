import type { DataSource } from 'typeorm';
import type { Follower } from '@chorus/domain';
import { namesOf } from '../teammates/people';

type Queryable = Pick<DataSource, 'query'>;

/**
 * Who follows an item, counting followers of duplicates merged into it, each person once.
 * Authors and voters follow unless they chose otherwise; unfollowing the item itself wins over
 * following one of its duplicates. `$1` workspace, `$2` feedback.
 */
const FOLLOWERS = `
  SELECT person_id,
    CASE WHEN bool_or(choice IS NOT DISTINCT FROM 'following') THEN 'explicit'
         WHEN bool_or(auto_reason IS NOT DISTINCT FROM 'author' AND choice IS NULL) THEN 'author'
         ELSE 'voter' END AS reason
  FROM feedback_followers
  WHERE workspace_id = $1 AND (feedback_id = $2 OR feedback_id IN (
    SELECT feedback_id FROM feedback_list WHERE workspace_id = $1 AND merged_into = $2))
  GROUP BY person_id
  HAVING NOT bool_or(feedback_id = $2 AND choice IS NOT DISTINCT FROM 'unfollowed')
    AND bool_or(coalesce(choice = 'following', auto_reason IS NOT NULL))`;

/**
 * Whether `person` follows the item `feedback` of `workspace` (SQL expressions), by the rule of
 * FOLLOWERS: unfollowing the item itself wins; else a reason on it or a merged duplicate counts.
 */
export const followsSql = (workspace: string, feedback: string, person: string): string => `(
  EXISTS (SELECT 1 FROM feedback_followers ff
    WHERE ff.workspace_id = ${workspace} AND ff.person_id = ${person}
      AND (ff.feedback_id = ${feedback} OR ff.feedback_id IN (
        SELECT d.feedback_id FROM feedback_list d
        WHERE d.workspace_id = ${workspace} AND d.merged_into = ${feedback}))
      AND coalesce(ff.choice = 'following', ff.auto_reason IS NOT NULL))
  AND NOT EXISTS (SELECT 1 FROM feedback_followers fu
    WHERE fu.workspace_id = ${workspace} AND fu.feedback_id = ${feedback}
      AND fu.person_id = ${person} AND fu.choice = 'unfollowed'))`;

export const readFollowers = async (
  db: Queryable,
  workspaceId: string,
  feedbackId: string,
): Promise<Follower[]> => {
  const rows = await db.query<{ person_id: string; reason: Follower['reason'] }[]>(FOLLOWERS, [
    workspaceId,
    feedbackId,
  ]);
  const names = await namesOf(
    db,
    workspaceId,
    rows.map((r) => r.person_id),
  );
  return rows
    .map((r) => ({ id: r.person_id, name: names.get(r.person_id) ?? null, reason: r.reason }))
    .sort(
      (a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.id.localeCompare(b.id),
    );
};

/** How many people other than `personId` follow the item, by the read model. */
export const countOtherFollowers = async (
  db: Queryable,
  workspaceId: string,
  feedbackId: string,
  personId: string,
): Promise<number> => {
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM (${FOLLOWERS}) f WHERE f.person_id <> $3`,
    [workspaceId, feedbackId, personId],
  );
  return row?.count ?? 0;
};
