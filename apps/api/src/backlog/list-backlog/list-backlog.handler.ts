import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { BacklogPage } from '@chorus/domain';
import { z } from 'zod';
import { CursorId, CursorRank, keysetCursor } from '../../platform/keyset-cursor';
import { staffOnly } from '../../teammates/teammates';
import {
  BACKLOG_ITEM_SELECT,
  toBacklogItemViews,
  type BacklogItemRecord,
} from '../backlog-item.view';
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

@QueryHandler(ListBacklogQuery)
export class ListBacklogHandler implements IQueryHandler<ListBacklogQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, filters, limit, cursor }: ListBacklogQuery): Promise<BacklogPage> {
    staffOnly(actor, 'the backlog');
    const params: unknown[] = [actor.workspaceId];
    const where = ['b.workspace_id = $1', ...filterConditions(filters, params)];
    if (cursor !== undefined) {
      params.push(...backlogCursor.decode(cursor));
      where.push(
        `(b.rank COLLATE "C", b.id) > ($${params.length - 1}::text COLLATE "C", $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const records = await this.db.query<BacklogItemRecord[]>(
      `${BACKLOG_ITEM_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY b.rank COLLATE "C", b.id LIMIT $${params.length}`,
      params,
    );
    const page = records.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await toBacklogItemViews(this.db, actor.workspaceId, page),
      nextCursor:
        records.length > limit && last ? backlogCursor.encode([last.rank, last.id]) : null,
    };
  }
}
