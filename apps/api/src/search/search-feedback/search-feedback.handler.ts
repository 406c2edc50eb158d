import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { SearchResult } from '@chorus/domain';
import { PostgresEventStore, searchLanguage } from '@chorus/event-store';
import { visibilityFor, visibleToSql } from '../../feedback/feedback-visibility';
import { SearchFeedbackQuery } from './search-feedback.query';

/**
 * A query matching more rows than this ranks only its most-voted matches this many: ranking is
 * the costly part, and a single common word can match a fifth of the inbox.
 */
export const RANKED_CANDIDATES = 1000;
/** How much the best matching public comment adds to an item's own rank. */
export const COMMENT_WEIGHT = 0.5;

type SearchRecord = {
  feedback_id: string;
  title: string;
  status: string;
  vote_count: number;
  board_id: string;
  merged_into: string | null;
  rank: number;
  snippet: string;
};

/** HTML-escapes a text column in SQL, so ts_headline's <mark> is the only markup in a snippet. */
const escapeHtml = (column: string) =>
  `replace(replace(replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/**
 * Two branches, each answered by its own GIN index: items whose title or description match
 * (`feedback_list_search`) and items with a matching public comment (the partial
 * `feedback_comments_search`). Each keeps its best few; their union is then ranked exactly —
 * the item's own ts_rank_cd plus a share of its best public comment's — and only the final page
 * gets snippets. `f.vote_count + 0` keeps the planner on the bitmap scan of the GIN index
 * instead of walking the votes index and testing every row.
 */
const searchSql = (visibility: string[]) => {
  const query = 'websearch_to_tsquery($1::regconfig, $2)';
  const visible = visibility.map((condition) => ` AND ${condition}`).join('');
  return `
WITH item_candidates AS (
  SELECT f.feedback_id, f.search_vector FROM feedback_list f
  WHERE f.search_vector @@ ${query} AND f.workspace_id = $3${visible}
  ORDER BY f.vote_count + 0 DESC, f.feedback_id DESC LIMIT ${RANKED_CANDIDATES}
), item_hits AS (
  SELECT feedback_id FROM item_candidates
  ORDER BY ts_rank_cd(search_vector, ${query}, 1) DESC LIMIT $4 * 2
), comment_candidates AS (
  SELECT c.feedback_id, c.search_vector FROM feedback_comments c
  WHERE c.search_vector @@ ${query} AND c.visibility = 'public' AND NOT c.deleted
    AND c.workspace_id = $3
  ORDER BY c.created_at DESC, c.comment_id DESC LIMIT ${RANKED_CANDIDATES}
), comment_hits AS (
  SELECT feedback_id FROM comment_candidates GROUP BY feedback_id
  ORDER BY max(ts_rank_cd(search_vector, ${query}, 1)) DESC LIMIT $4 * 2
), ranked AS (
  SELECT f.feedback_id, f.title, f.description, f.status, f.vote_count, f.board_id, f.merged_into,
    ts_rank_cd(f.search_vector, ${query}, 1) AS item_rank,
    best.body AS comment_body, coalesce(best.rank, 0) AS comment_rank
  FROM (SELECT feedback_id FROM item_hits UNION SELECT feedback_id FROM comment_hits) k
  JOIN feedback_list f ON f.feedback_id = k.feedback_id
  LEFT JOIN LATERAL (
    SELECT c.body, ts_rank_cd(c.search_vector, ${query}, 1) AS rank FROM feedback_comments c
    WHERE c.feedback_id = f.feedback_id AND c.visibility = 'public' AND NOT c.deleted
      AND c.search_vector @@ ${query}
    ORDER BY rank DESC LIMIT 1
  ) best ON true
  WHERE f.workspace_id = $3${visible}
), page AS (
  SELECT *, item_rank + ${COMMENT_WEIGHT} * comment_rank AS rank FROM ranked
  ORDER BY rank DESC, feedback_id LIMIT $4
)
SELECT feedback_id, title, status, vote_count, board_id, merged_into, rank,
  ts_headline($1::regconfig,
    ${escapeHtml(
      `CASE WHEN item_rank > 0 THEN title || ' — ' || left(description, 2000) ELSE comment_body END`,
    )},
    ${query}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12') AS snippet
FROM page ORDER BY rank DESC, feedback_id`;
};

@QueryHandler(SearchFeedbackQuery)
export class SearchFeedbackHandler implements IQueryHandler<SearchFeedbackQuery> {
  private readonly language = searchLanguage();

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, text, limit }: SearchFeedbackQuery): Promise<SearchResult> {
    const params: unknown[] = [this.language, text, actor.workspaceId, limit];
    const visibility = visibleToSql(await visibilityFor(this.store, actor), params);
    const rows = await this.db.query<SearchRecord[]>(searchSql(visibility), params);
    return {
      hits: rows.map((r) => ({
        id: r.feedback_id,
        title: r.title,
        status: r.status,
        voteCount: r.vote_count,
        boardId: r.board_id,
        mergedInto: r.merged_into,
        rank: Math.round(r.rank * 10_000) / 10_000,
        snippet: r.snippet,
      })),
    };
  }
}
