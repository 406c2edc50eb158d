import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { BacklogPage } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { z } from 'zod';
import { CursorId, CursorRank, keysetCursor } from '../../platform/keyset-cursor';
import { childrenAmong, pastMoment, readBacklogAsOf } from '../backlog-as-of';
import {
  BACKLOG_ITEM_SELECT,
  backlogItemViewsOf,
  toBacklogItemViews,
  type BacklogItemRecord,
} from '../backlog-item.view';
import { feedbackSummariesAsOf } from '../linked-feedback-as-of';
import { ListBacklogQuery, type BacklogListFilters } from './list-backlog.query';

/** Position after a page's last item: its rank and id, the backlog's order. */
const backlogCursor = keysetCursor(z.tuple([CursorRank, CursorId]));

/** `%` and `_` in the words searched for are literal. */
const likePattern = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const filterConditions = (filters: BacklogListFilters, params: unknown[]): string[] => {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (filters.kind) where.push(`b.kind = ${param(filters.kind)}`);
  if (filters.statuses) where.push(`b.status = ANY(${param(filters.statuses)}::text[])`);
  if (filters.sprintId === 'none') where.push('b.sprint_id IS NULL');
  else if (filters.sprintId) where.push(`b.sprint_id = ${param(filters.sprintId)}::uuid`);
  if (filters.initiativeId) where.push(`b.initiative_id = ${param(filters.initiativeId)}::uuid`);
  if (filters.label) where.push(`${param(filters.label)} = ANY(b.labels)`);
  if (filters.parentId) where.push(`b.parent_id = ${param(filters.parentId)}::uuid`);
  if (filters.q) where.push(`b.title ILIKE ${param(likePattern(filters.q))}`);
  return where;
};

/**
 * The WHERE, ORDER BY and LIMIT of a page of `b` (the read model, or the backlog folded as of a
 * moment): one row more than the page, to know whether another follows.
 */
const pageClauses = (
  { filters, limit, cursor }: ListBacklogQuery,
  conditions: readonly string[],
  params: unknown[],
): string => {
  const where = [...conditions, ...filterConditions(filters, params)];
  if (cursor !== undefined) {
    params.push(...backlogCursor.decode(cursor));
    where.push(
      `(b.rank COLLATE "C", b.id) > ($${params.length - 1}::text COLLATE "C", $${params.length}::uuid)`,
    );
  }
  params.push(limit + 1);
  return `${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY b.rank COLLATE "C", b.id LIMIT $${params.length}`;
};

/** The page, and the cursor to the next one when there is more. */
const pageOf = (records: readonly BacklogItemRecord[], limit: number) => {
  const page = records.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    nextCursor: records.length > limit && last ? backlogCursor.encode([last.rank, last.id]) : null,
  };
};

@QueryHandler(ListBacklogQuery)
export class ListBacklogHandler implements IQueryHandler<ListBacklogQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute(query: ListBacklogQuery): Promise<BacklogPage> {
    const { actor, limit } = query;
    const until = pastMoment(query.asOf);
    if (until !== null) return this.asOf(query, until);
    const params: unknown[] = [actor.workspaceId];
    const records = await this.db.query<BacklogItemRecord[]>(
      `${BACKLOG_ITEM_SELECT} ${pageClauses(query, ['b.workspace_id = $1'], params)}`,
      params,
    );
    const { page, nextCursor } = pageOf(records, limit);
    return { items: await toBacklogItemViews(this.db, actor.workspaceId, page), nextCursor };
  }

  /**
   * The page as it stood at `until`: the backlog folded from the log, paged by the very clauses
   * the read model is paged by (over the folded rows), so filters, collation and cursors agree.
   */
  private async asOf(query: ListBacklogQuery, until: string): Promise<BacklogPage> {
    const { workspaceId } = query.actor;
    const items = await readBacklogAsOf(this.store, workspaceId, until);
    const byId = new Map(items.map((item) => [item.record.id, item]));
    const params: unknown[] = [
      JSON.stringify(
        items.map(({ record: r }) => ({
          id: r.id,
          kind: r.kind,
          parent_id: r.parent_id,
          title: r.title,
          labels: r.labels,
          rank: r.rank,
          status: r.status,
          sprint_id: r.sprint_id,
          initiative_id: r.initiative_id,
        })),
      ),
    ];
    const ids = await this.db.query<{ id: string }[]>(
      `WITH b AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, parent_id uuid,
           title text, labels text[], rank text, status text, sprint_id uuid, initiative_id uuid)
       )
       SELECT b.id FROM b ${pageClauses(query, [], params)}`,
      params,
    );
    const { page, nextCursor } = pageOf(
      ids.flatMap(({ id }) => {
        const record = byId.get(id)?.record;
        return record ? [record] : [];
      }),
      query.limit,
    );
    const links = new Map(page.map((r) => [r.id, byId.get(r.id)?.feedbackIds ?? []]));
    const summaries = await feedbackSummariesAsOf(this.store, workspaceId, until, [
      ...new Set([...links.values()].flat()),
    ]);
    const feedback = new Map(
      [...links].map(([itemId, feedbackIds]) => [
        itemId,
        feedbackIds.flatMap((id) => {
          const summary = summaries.get(id);
          return summary ? [summary] : [];
        }),
      ]),
    );
    const children = childrenAmong(
      items,
      page.map((r) => r.id),
    );
    return { items: backlogItemViewsOf(page, feedback, children), nextCursor };
  }
}
