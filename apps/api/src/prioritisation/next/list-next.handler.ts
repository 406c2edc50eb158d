import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { BacklogItemKindName, RankedPage, ScoreBreakdown } from '@chorus/domain';
import { z } from 'zod';
import { CursorId, CursorRank, keysetCursor } from '../../platform/keyset-cursor';
import { ListNextQuery } from './list-next.query';

/** Position after a page's last item: its score (null sorts last), rank and id, the list's order. */
const nextCursor = keysetCursor(z.tuple([z.number().nullable(), CursorRank, CursorId]));

type RankedRecord = {
  id: string;
  title: string;
  kind: BacklogItemKindName;
  status: string;
  estimate: string | null;
  rank: string;
  score: number | null;
  breakdown: ScoreBreakdown | null;
};

/**
 * The backlog ranked by the active model's score, highest first, unscored items last, ties in
 * backlog order. Items come from the backlog read model, scores from the demand projection's.
 */
@QueryHandler(ListNextQuery)
export class ListNextHandler implements IQueryHandler<ListNextQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, filters, limit, cursor }: ListNextQuery): Promise<RankedPage> {
    const params: unknown[] = [actor.workspaceId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Work already planned into a sprint, under way or finished is not "next".
    const where = ['i.workspace_id = $1', `i.status = 'backlog'`];
    if (filters.kind) where.push(`i.kind = ${param(filters.kind)}`);
    if (filters.label) where.push(`${param(filters.label)} = ANY(i.labels)`);
    if (cursor !== undefined) {
      const [afterScore, afterRank, afterId] = nextCursor.decode(cursor);
      const after = `(i.rank COLLATE "C", i.id) > (${param(afterRank)}::text COLLATE "C", ${param(afterId)}::uuid)`;
      if (afterScore === null) {
        where.push(`(s.score IS NULL AND ${after})`);
      } else {
        const score = param(afterScore);
        where.push(`(s.score < ${score} OR s.score IS NULL OR (s.score = ${score} AND ${after}))`);
      }
    }
    const rows = await this.db.query<RankedRecord[]>(
      `SELECT i.id, i.title, i.kind, i.status, i.estimate::text, i.rank, s.score, s.breakdown
       FROM backlog_items i LEFT JOIN backlog_scores s ON s.item_id = i.id
       WHERE ${where.join(' AND ')}
       ORDER BY s.score DESC NULLS LAST, i.rank COLLATE "C", i.id
       LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        itemId: r.id,
        title: r.title,
        kind: r.kind,
        status: r.status,
        estimate: r.estimate === null ? null : Number(r.estimate),
        score: r.score,
        breakdown: r.breakdown,
      })),
      nextCursor:
        rows.length > limit && last ? nextCursor.encode([last.score, last.rank, last.id]) : null,
    };
  }
}
