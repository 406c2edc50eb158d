import type { EntityManager } from 'typeorm';

/**
 * Recounts the demand figures of the given items from the sets they are made of: distinct
 * standing voters of the item and of every duplicate merged into it, the MRR of those voters'
 * distinct companies, and public comments. Sets, not counters, so a person who voted on both
 * halves of a merge counts once and unmerging gives back exactly the counts from before.
 */
export const recountDemand = async (tx: EntityManager, feedbackIds: readonly string[]) => {
  if (feedbackIds.length === 0) return;
  await tx.query(
    `WITH touched AS (SELECT DISTINCT unnest($1::uuid[]) AS feedback_id),
     -- An item's group: itself plus its duplicates; a touched duplicate also touches its survivor.
     targets AS (
       SELECT feedback_id FROM touched
       UNION SELECT f.merged_into FROM feedback_list f JOIN touched t USING (feedback_id)
       WHERE f.merged_into IS NOT NULL
     ),
     members AS (
       SELECT feedback_id AS root, feedback_id AS member FROM targets
       UNION ALL
       SELECT t.feedback_id, f.feedback_id FROM targets t JOIN feedback_list f ON f.merged_into = t.feedback_id
     ),
     voters AS (
       SELECT DISTINCT m.root, b.voter_id FROM members m JOIN feedback_ballots b ON b.feedback_id = m.member
     ),
     votes AS (SELECT root, count(*)::int AS n FROM voters GROUP BY root),
     revenue AS (
       SELECT d.root, sum(c.mrr_cents)::bigint AS cents
       FROM (SELECT DISTINCT v.root, cu.company_id FROM voters v
             JOIN customers cu ON cu.customer_id::text = v.voter_id
             WHERE cu.company_id IS NOT NULL) d
       JOIN companies c ON c.company_id = d.company_id
       GROUP BY d.root
     ),
     comments AS (
       SELECT m.root, count(*)::int AS n FROM members m
       JOIN feedback_comments c ON c.feedback_id = m.member
       WHERE c.visibility = 'public' AND NOT c.deleted GROUP BY m.root
     )
     UPDATE feedback_list f SET
       vote_count = coalesce(votes.n, 0),
       revenue_cents = coalesce(revenue.cents, 0),
       comment_count = coalesce(comments.n, 0)
     FROM targets t
       LEFT JOIN votes ON votes.root = t.feedback_id
       LEFT JOIN revenue ON revenue.root = t.feedback_id
       LEFT JOIN comments ON comments.root = t.feedback_id
     WHERE f.feedback_id = t.feedback_id
       AND (f.vote_count, f.revenue_cents, f.comment_count)
         IS DISTINCT FROM (coalesce(votes.n, 0), coalesce(revenue.cents, 0), coalesce(comments.n, 0))`,
    [feedbackIds],
  );
};

/** Items on which any of these customers holds a standing vote. */
export const feedbackVotedBy = async (
  tx: EntityManager,
  customerIds: ReadonlySet<string>,
): Promise<string[]> => {
  if (customerIds.size === 0) return [];
  const rows = await tx.query<{ feedback_id: string }[]>(
    `SELECT DISTINCT feedback_id FROM feedback_ballots WHERE voter_id = ANY($1::text[])`,
    [[...customerIds]],
  );
  return rows.map((r) => r.feedback_id);
};
