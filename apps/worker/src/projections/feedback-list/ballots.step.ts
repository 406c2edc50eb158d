import type { EntityManager } from 'typeorm';
import type { VoteEvent } from '@chorus/domain';
import type { StoredEvent } from '@chorus/event-store';
import type { VoteActivity } from './demand.step';

type Standing = {
  feedbackId: string;
  voterId: string;
  workspaceId: string;
  votedAt: string | null;
};

/** A ballot that really appeared (+1) or disappeared (−1) in this batch. */
export type BallotChange = {
  feedback_id: string;
  voter_id: string;
  company_id: string | null;
  delta: 1 | -1;
};

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * Who votes for what now (`feedback_ballots`, with the voter's company when they are a customer):
 * the set the inbox counts and "did I vote" reads. Returns the ballots that really changed, and
 * when each item was last voted on.
 */
export const applyBallots = async (
  tx: EntityManager,
  events: readonly StoredEvent[],
): Promise<{ changes: BallotChange[]; activity: VoteActivity[] }> => {
  // Only the last event per ballot matters; the log gives them in order.
  const latest = new Map<string, Standing>();
  const activity: VoteActivity[] = [];
  for (const event of events) {
    if (event.type !== 'VoteCast' && event.type !== 'VoteWithdrawn') continue;
    const { feedbackId, voterId } = (event as unknown as VoteEvent).data;
    activity.push({ feedback_id: feedbackId, at: event.metadata.occurredAt });
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
  const changes: BallotChange[] = [];
  if (cast.length > 0) {
    const added = await tx.query<Omit<BallotChange, 'delta'>[]>(
      `INSERT INTO feedback_ballots (feedback_id, voter_id, workspace_id, voted_at, company_id)
       SELECT b."feedbackId", b."voterId", b."workspaceId", b."votedAt", cu.company_id
       FROM jsonb_to_recordset($1::jsonb)
         AS b("feedbackId" uuid, "voterId" text, "workspaceId" uuid, "votedAt" timestamptz)
       LEFT JOIN customers cu
         ON cu.customer_id = CASE WHEN b."voterId" ~* ${UUID} THEN b."voterId"::uuid END
       ON CONFLICT (feedback_id, voter_id) DO NOTHING
       RETURNING feedback_id, voter_id, company_id`,
      [JSON.stringify(cast)],
    );
    changes.push(...added.map((b) => ({ ...b, delta: 1 as const })));
  }
  if (withdrawn.length > 0) {
    const removed = await tx.query<Omit<BallotChange, 'delta'>[]>(
      // A SELECT over the DELETE, so the driver hands back rows rather than [rows, count].
      `WITH removed AS (
         DELETE FROM feedback_ballots b USING jsonb_to_recordset($1::jsonb) AS w("feedbackId" uuid, "voterId" text)
         WHERE b.feedback_id = w."feedbackId" AND b.voter_id = w."voterId"
         RETURNING b.feedback_id, b.voter_id, b.company_id
       )
       SELECT * FROM removed`,
      [JSON.stringify(withdrawn)],
    );
    changes.push(...removed.map((b) => ({ ...b, delta: -1 as const })));
  }
  return { changes, activity };
};
