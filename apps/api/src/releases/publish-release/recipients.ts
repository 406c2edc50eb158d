import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A linked feedback item and the duplicates merged into it: who asked for one asked for it. */
export type AskedFor = { feedbackId: string; duplicateIds: readonly string[] };

/**
 * Who asked for each linked feedback: person id → the linked feedback they asked for.
 * Standing voters of it or of a duplicate merged into it are told even if they unfollowed: they
 * asked for it by voting. Followers (authors, voters past and present, and people who followed
 * explicitly) of it or of a duplicate are told unless they unfollowed the item itself, as in
 * `readFollowers`. Read from the read models, in the workspace only.
 */
export const readRecipients = async (
  db: Queryable,
  workspaceId: string,
  askedFor: readonly AskedFor[],
): Promise<Map<string, string[]>> => {
  const pairs = askedFor.flatMap(({ feedbackId, duplicateIds }) =>
    [feedbackId, ...duplicateIds].map((member) => [feedbackId, member] as const),
  );
  if (pairs.length === 0) return new Map();
  const rows = await db.query<{ person_id: string; feedback_id: string }[]>(
    `WITH grp AS (
       SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS g(feedback_id, member_id)
     )
     SELECT b.voter_id AS person_id, grp.feedback_id
     FROM feedback_ballots b JOIN grp ON b.feedback_id = grp.member_id
     WHERE b.workspace_id = $1
     UNION
     SELECT f.person_id, grp.feedback_id
     FROM feedback_followers f JOIN grp ON f.feedback_id = grp.member_id
     WHERE f.workspace_id = $1
     GROUP BY f.person_id, grp.feedback_id
     HAVING NOT bool_or(f.feedback_id = grp.feedback_id AND f.choice IS NOT DISTINCT FROM 'unfollowed')
       AND bool_or(coalesce(f.choice = 'following', f.auto_reason IS NOT NULL))
     ORDER BY person_id, feedback_id`,
    [workspaceId, pairs.map(([feedbackId]) => feedbackId), pairs.map(([, member]) => member)],
  );
  const recipients = new Map<string, string[]>();
  for (const { person_id: personId, feedback_id: feedbackId } of rows) {
    recipients.set(personId, [...(recipients.get(personId) ?? []), feedbackId]);
  }
  return recipients;
};
