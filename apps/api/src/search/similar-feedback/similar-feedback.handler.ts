import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { SimilarFeedback } from '@chorus/domain';
import { PostgresEventStore, searchLanguage } from '@chorus/event-store';
import { visibilityFor, visibleToSql } from '../../feedback/feedback-visibility';
import { SimilarFeedbackQuery } from './similar-feedback.query';

/** pg_trgm's word similarity a title must reach to be suggested (its default). */
export const WORD_SIMILARITY_THRESHOLD = 0.6;
/**
 * At most this many matching titles are ranked: a single common word ("export") matches
 * thousands, every one of which would have to be re-checked.
 */
export const SIMILAR_CANDIDATES = 200;

type SimilarRecord = {
  feedback_id: string;
  title: string;
  status: string;
  vote_count: number;
  similarity: number;
};

/**
 * `$1 <% title`: some stretch of the title is similar to the meaningful words typed, whatever
 * comes before or after it — right for a title still being typed. The trigram GIN index
 * (`feedback_list_title_trgm`) answers it; the threshold is set for this transaction only, and
 * sequential scans are ruled out because pg_trgm's selectivity guess can make one look cheaper.
 * The score averages that with the similarity of the whole titles ($4 is the title as typed), so
 * an identical title comes first; ties go to the more voted item.
 */
const similarSql = (visibility: string[]) => `
SELECT feedback_id, title, status, vote_count,
  (word_similarity($1, title) + similarity($4, title)) / 2 AS similarity
FROM (
  SELECT f.feedback_id, f.title, f.status, f.vote_count FROM feedback_list f
  WHERE $1 <% f.title AND f.workspace_id = $2 AND f.merged_into IS NULL
    ${visibility.map((condition) => `AND ${condition}`).join(' ')}
  LIMIT ${SIMILAR_CANDIDATES}
) c
ORDER BY similarity DESC, vote_count DESC, feedback_id
LIMIT $3`;

@QueryHandler(SimilarFeedbackQuery)
export class SimilarFeedbackHandler implements IQueryHandler<SimilarFeedbackQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, title, limit }: SimilarFeedbackQuery): Promise<SimilarFeedback> {
    const visibility = await visibilityFor(this.store, actor);
    const rows = await this.db.transaction(async (tx) => {
      // The words that carry the title's meaning: the search language drops its stop words
      // ("please", "the", "for"), whose trigrams are in most titles and would match the inbox.
      const [typed] = await tx.query<{ words: string }[]>(
        `SELECT array_to_string(tsvector_to_array(to_tsvector($1::regconfig, $2)), ' ') AS words,
           set_config('pg_trgm.word_similarity_threshold', $3, true),
           set_config('enable_seqscan', 'off', true)`,
        [searchLanguage(), title, String(WORD_SIMILARITY_THRESHOLD)],
      );
      const params: unknown[] = [
        typed?.words || title.toLowerCase(),
        actor.workspaceId,
        limit,
        title,
      ];
      return tx.query<SimilarRecord[]>(similarSql(visibleToSql(visibility, params)), params);
    });
    return {
      suggestions: rows.map((r) => ({
        id: r.feedback_id,
        title: r.title,
        status: r.status,
        voteCount: r.vote_count,
        similarity: Math.round(r.similarity * 1000) / 1000,
      })),
    };
  }
}
