import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { fieldError, validationFailed } from '../../platform/problem-details';
import {
  FEEDBACK_ITEM_SELECT,
  toFeedbackItem,
  type FeedbackItemRecord,
} from '../feedback-item.view';
import { decodeCursor, encodeCursor } from './feedback-cursor';
import type { FeedbackSort } from '@chorus/domain';
import { ListFeedbackQuery } from './list-feedback.query';

const sortColumn: Record<FeedbackSort, string> = {
  votes: 'f.vote_count',
  newest: 'f.created_at',
  activity: 'f.last_activity_at',
};

@QueryHandler(ListFeedbackQuery)
export class ListFeedbackHandler implements IQueryHandler<ListFeedbackQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId, readerId, sort, limit, status, cursor }: ListFeedbackQuery) {
    const params: unknown[] = [readerId, workspaceId];
    const where = ['f.workspace_id = $2'];
    if (status) {
      params.push(status);
      where.push(`f.status = $${params.length}`);
    }
    const column = sortColumn[sort];
    if (cursor !== undefined) {
      const position = decodeCursor(cursor, sort);
      if (!position) {
        throw validationFailed([
          fieldError(
            ['cursor'],
            'This cursor is not one this list handed out for this sort order.',
          ),
        ]);
      }
      params.push(position.value, position.id);
      where.push(`(${column}, f.feedback_id) < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<FeedbackItemRecord[]>(
      `${FEEDBACK_ITEM_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY ${column} DESC, f.feedback_id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({
            sort,
            value:
              sort === 'votes'
                ? last.vote_count
                : (sort === 'newest' ? last.created_at : last.last_activity_at).toISOString(),
            id: last.feedback_id,
          })
        : null;
    return { items: page.map(toFeedbackItem), nextCursor };
  }
}
