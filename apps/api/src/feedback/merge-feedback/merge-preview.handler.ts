import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decideMerge, DomainRuleViolation, type MergePreview } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { findFeedbackItem } from '../feedback-item.view';
import { MergePreviewQuery } from './merge-preview.query';
import { readFeedbacks } from './read-pair';

type PreviewCounts = {
  shared_voters: number;
  votes_after: number;
  revenue_after: string;
  followers_after: number;
};

/**
 * What a merge would give, counted from the same sets the projection counts: the union of both
 * groups' standing voters, their distinct companies' MRR, and the people following either.
 */
@QueryHandler(MergePreviewQuery)
export class MergePreviewHandler implements IQueryHandler<MergePreviewQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, duplicateId, intoId }: MergePreviewQuery): Promise<MergePreview | null> {
    const [duplicate, into] = await Promise.all([
      findFeedbackItem(this.db, actor.workspaceId, actor.id, duplicateId),
      findFeedbackItem(this.db, actor.workspaceId, actor.id, intoId),
    ]);
    if (!duplicate || !into) return null;
    const streams = await readFeedbacks(this.store, actor.workspaceId, [duplicateId, intoId]);
    let problem: string | null = null;
    try {
      decideMerge(
        { type: 'MergeFeedback', duplicateId, intoId, actor },
        streams.get(duplicateId)!.state,
        streams.get(intoId)!.state,
      );
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      problem = error.message;
    }
    const [counts] = await this.db.query<PreviewCounts[]>(
      `WITH members AS (
         SELECT 'dup' AS side, feedback_id FROM feedback_list
         WHERE workspace_id = $1 AND (feedback_id = $2 OR merged_into = $2)
         UNION ALL
         SELECT 'into', feedback_id FROM feedback_list
         WHERE workspace_id = $1 AND (feedback_id = $3 OR merged_into = $3)
       ),
       voters AS (
         SELECT b.voter_id, bool_or(m.side = 'dup') AS on_dup, bool_or(m.side = 'into') AS on_into
         FROM members m JOIN feedback_ballots b ON b.feedback_id = m.feedback_id
         GROUP BY b.voter_id
       ),
       followers AS (
         SELECT DISTINCT ff.person_id FROM members m
         JOIN feedback_followers ff ON ff.feedback_id = m.feedback_id
         WHERE ff.choice = 'following' OR (ff.choice IS NULL AND ff.auto_reason IS NOT NULL)
       )
       SELECT
         (SELECT count(*) FROM voters WHERE on_dup AND on_into)::int AS shared_voters,
         (SELECT count(*) FROM voters)::int AS votes_after,
         (SELECT coalesce(sum(c.mrr_cents), 0) FROM companies c WHERE c.company_id IN (
            SELECT cu.company_id FROM voters v JOIN customers cu ON cu.customer_id::text = v.voter_id))::text
           AS revenue_after,
         (SELECT count(*) FROM followers)::int AS followers_after`,
      [actor.workspaceId, duplicateId, intoId],
    );
    const side = (item: typeof duplicate) => ({
      id: item.id,
      title: item.title,
      voteCount: item.voteCount,
      commentCount: item.commentCount,
      status: item.status,
    });
    return {
      duplicate: side(duplicate),
      into: side(into),
      sharedVoters: counts?.shared_voters ?? 0,
      voteCountAfter: counts?.votes_after ?? into.voteCount,
      revenueCentsAfter: Number(counts?.revenue_after ?? into.revenueCents),
      followerCountAfter: counts?.followers_after ?? 0,
      problem,
    };
  }
}
