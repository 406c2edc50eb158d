import type { EntityManager } from 'typeorm';
import type { VoteEvent } from '@chorus/domain';
import type { StoredEvent } from '@chorus/event-store';

type Standing = {
  feedbackId: string;
  voterId: string;
  workspaceId: string;
  votedAt: string | null;
};

/**
 * Who votes for what now (`feedback_ballots`): the set the inbox counts and "did I vote" reads.
 * Returns the feedback items whose ballots changed.
 */
export const applyBallots = async (
  tx: EntityManager,
  events: readonly StoredEvent[],
): Promise<Set<string>> => {
  // Only the last event per ballot matters; the log gives them in order.
  const latest = new Map<string, Standing>();
  for (const event of events) {
    if (event.type !== 'VoteCast' && event.type !== 'VoteWithdrawn') continue;
    const { feedbackId, voterId } = (event as unknown as VoteEvent).data;
    latest.set(event.streamId, {
      feedbackId,
      voterId,
      workspaceId: event.workspaceId,
      votedAt: event.type === 'VoteCast' ? event.metadata.occurredAt : null,
    });
  }
  const standing = [...latest.values()];
  const cast = standing.filter((s) => s.votedAt !== null);
  const withdrawn = standing.filter((s) => s.votedAt === null);
  if (cast.length > 0) {
    await tx.query(
      `INSERT INTO feedback_ballots (feedback_id, voter_id, workspace_id, voted_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS b("feedbackId" uuid, "voterId" text, "workspaceId" uuid, "votedAt" timestamptz)
       ON CONFLICT (feedback_id, voter_id) DO UPDATE SET voted_at = EXCLUDED.voted_at`,
      [JSON.stringify(cast)],
    );
  }
  if (withdrawn.length > 0) {
    await tx.query(
      `DELETE FROM feedback_ballots b USING jsonb_to_recordset($1::jsonb) AS w("feedbackId" uuid, "voterId" text)
       WHERE b.feedback_id = w."feedbackId" AND b.voter_id = w."voterId"`,
      [JSON.stringify(withdrawn)],
    );
  }
  return new Set(standing.map((s) => s.feedbackId));
};
