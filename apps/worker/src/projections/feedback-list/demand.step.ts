import type { EntityManager } from 'typeorm';
import type { BallotChange } from './ballots.step';

/** The item `root` (a SQL expression) and every duplicate merged into it. */
const groupOf = (root: string) =>
  `(SELECT ${root} UNION ALL SELECT d.feedback_id FROM feedback_list d WHERE d.merged_into = ${root})`;

/** The latest vote event of a batch on an item: votes move its last activity. */
export type VoteActivity = { feedback_id: string; at: string };

/**
 * Applies a batch's votes to their items in one narrow UPDATE per item: last activity, and the
 * ballot changes as changes of sets, looking only at the voters and companies that changed. For an
 * item without duplicates a ballot is one element of its voter set, so a new ballot is +1 and a
 * removed one −1; for a survivor of merges a voter counts from their first ballot in the group to
 * their last. A company's MRR counts while any of its people has a ballot in the group. Exact,
 * and proportional to the batch rather than to the votes the items already have (ADR 9).
 */
export const applyVotes = async (
  tx: EntityManager,
  changes: readonly BallotChange[],
  activity: readonly VoteActivity[],
) => {
  if (activity.length === 0) return;
  await tx.query(
    `WITH changes AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS c(feedback_id uuid, voter_id text, company_id uuid, delta int)
     ),
     activity AS (
       SELECT a.feedback_id, max(a.at) AS at
       FROM jsonb_to_recordset($2::jsonb) AS a(feedback_id uuid, at timestamptz) GROUP BY a.feedback_id
     ),
     rooted AS (
       SELECT coalesce(f.merged_into, c.feedback_id) AS root, c.voter_id, c.company_id, c.delta
       FROM changes c JOIN feedback_list f USING (feedback_id)
     ),
     -- Roots with duplicates merged into them, read from the duplicates' rows: through Kafka a
     -- duplicate's FeedbackMerged may be applied before its survivor's FeedbackDuplicateAbsorbed.
     grouped AS (
       SELECT DISTINCT r.root FROM rooted r
       WHERE EXISTS (SELECT 1 FROM feedback_list d WHERE d.merged_into = r.root)
     ),
     voter_sets AS (
       SELECT r.root, sum(r.delta) AS changed,
         CASE WHEN r.root IN (SELECT root FROM grouped) THEN (
           SELECT count(*) FROM feedback_ballots b
           WHERE b.voter_id = r.voter_id AND b.feedback_id IN ${groupOf('r.root')}
         ) ELSE greatest(sum(r.delta), 0) END AS after
       FROM rooted r GROUP BY r.root, r.voter_id
     ),
     company_sets AS (
       SELECT r.root, r.company_id, sum(r.delta) AS changed, (
         SELECT count(*) FROM feedback_ballots b
         WHERE b.company_id = r.company_id AND b.feedback_id IN ${groupOf('r.root')}
       ) AS after
       FROM rooted r WHERE r.company_id IS NOT NULL GROUP BY r.root, r.company_id
     ),
     votes AS (
       SELECT root, sum((after > 0)::int - (after - changed > 0)::int) AS delta
       FROM voter_sets GROUP BY root
     ),
     revenue AS (
       SELECT s.root, sum(((s.after > 0)::int - (s.after - s.changed > 0)::int) * c.mrr_cents) AS delta
       FROM company_sets s JOIN companies c USING (company_id) GROUP BY s.root
     ),
     updates AS (
       SELECT coalesce(v.root, r.root, a.feedback_id) AS feedback_id, coalesce(v.delta, 0) AS votes,
         coalesce(r.delta, 0) AS revenue, a.at
       FROM votes v FULL JOIN revenue r USING (root) FULL JOIN activity a ON a.feedback_id = coalesce(v.root, r.root)
     )
     UPDATE feedback_list f SET
       vote_count = f.vote_count + u.votes,
       revenue_cents = f.revenue_cents + u.revenue,
       last_activity_at = greatest(f.last_activity_at, u.at)
     FROM updates u WHERE f.feedback_id = u.feedback_id`,
    [JSON.stringify(changes), JSON.stringify(activity)],
  );
};

/**
 * Recounts the demand figures of the given items from the sets they are made of: distinct
 * standing voters of the item and of every duplicate merged into it, the MRR of those voters'
 * distinct companies, and live public comments. For what changes groups or values wholesale —
 * merges, new rows, a customer changing company, a company's MRR — and for comments.
 */
export const recountDemand = async (tx: EntityManager, feedbackIds: readonly string[]) => {
  if (feedbackIds.length === 0) return;
  await tx.query(
    `WITH touched AS (SELECT DISTINCT unnest($1::uuid[]) AS feedback_id),
     -- A touched duplicate also touches its survivor.
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
     votes AS (
       SELECT m.root, count(DISTINCT b.voter_id)::int AS n
       FROM members m JOIN feedback_ballots b ON b.feedback_id = m.member GROUP BY m.root
     ),
     revenue AS (
       SELECT d.root, sum(c.mrr_cents)::bigint AS cents
       FROM (SELECT DISTINCT m.root, b.company_id FROM members m
             JOIN feedback_ballots b ON b.feedback_id = m.member WHERE b.company_id IS NOT NULL) d
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

/** Items with a standing vote by any of these customers or by anyone at these companies. */
export const feedbackVotedBy = async (
  tx: EntityManager,
  customerIds: ReadonlySet<string>,
  companyIds: ReadonlySet<string>,
): Promise<string[]> => {
  if (customerIds.size === 0 && companyIds.size === 0) return [];
  const rows = await tx.query<{ feedback_id: string }[]>(
    `SELECT feedback_id FROM feedback_ballots WHERE voter_id = ANY($1::text[])
     UNION SELECT feedback_id FROM feedback_ballots WHERE company_id = ANY($2::uuid[])`,
    [[...customerIds], [...companyIds]],
  );
  return rows.map((r) => r.feedback_id);
};
