import { addDays, type KpiQuery } from '@chorus/domain';
import type { WeeklyDigest } from '@chorus/worker';
import { KpiReader, type SqlQuery } from '../../dashboards/kpi-reader';

/** How many requests the digest lists. */
const TOP_REQUESTS = 5;

/**
 * A workspace's week as its product dashboard counts it (the same reader): feedback received,
 * votes, the requests most voted for, and the releases published.
 */
export const weeklyDigestFigures = async (
  sql: SqlQuery,
  workspaceId: string,
  week: string,
): Promise<WeeklyDigest> => {
  const query: KpiQuery = { workspaceId, from: week, to: addDays(week, 6) };
  const reader = new KpiReader(sql, null);
  const [volume, votes, top, shipped] = await Promise.all([
    reader.feedbackVolume(query, 'week'),
    reader.votesOverTime(query, 'week'),
    reader.topRequests(query, 'votes', TOP_REQUESTS),
    sql<{ id: string; name: string; item_count: number }[]>(
      `SELECT id::text, name, cardinality(item_ids) AS item_count FROM releases
       WHERE workspace_id = $1 AND state = 'published'
         AND published_at >= ($2::date::timestamp AT TIME ZONE 'UTC')
         AND published_at < (($2::date + 7)::timestamp AT TIME ZONE 'UTC')
       ORDER BY published_at, id`,
      [workspaceId, week],
    ),
  ]);
  const titles = new Map(
    (
      await sql<{ id: string; title: string }[]>(
        `SELECT feedback_id::text AS id, title FROM feedback_list
         WHERE workspace_id = $1 AND feedback_id = ANY($2::uuid[])`,
        [workspaceId, top.map((request) => request.feedbackId)],
      )
    ).map((row) => [row.id, row.title]),
  );
  return {
    week,
    newFeedback: volume.total,
    votes: { cast: votes.cast, withdrawn: votes.withdrawn },
    topRequests: top.map((request) => ({
      feedbackId: request.feedbackId,
      title: titles.get(request.feedbackId) ?? '',
      votes: request.votes,
    })),
    shipped: shipped.map((release) => ({
      releaseId: release.id,
      name: release.name,
      itemCount: release.item_count,
    })),
  };
};
