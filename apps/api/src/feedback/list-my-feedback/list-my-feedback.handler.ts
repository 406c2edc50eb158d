import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { PostgresEventStore } from '@chorus/event-store';
import { CursorId, keysetCursor } from '../../platform/keyset-cursor';
import {
  FEEDBACK_ITEM_SELECT,
  toFeedbackItem,
  type FeedbackItemRecord,
} from '../feedback-item.view';
import { visibilityFor, visibleToSql } from '../feedback-visibility';
import { ListMyFeedbackQuery } from './list-my-feedback.query';

/** Creation time (ISO 8601) and id of a page's last item. */
const myFeedbackCursor = keysetCursor<[createdAt: string, id: string]>(
  z.tuple([z.string().refine((v) => !Number.isNaN(Date.parse(v))), CursorId]),
);

/**
 * What the reader asked for themselves, newest first, as they may see it: posts awaiting
 * approval included (the inbox leaves them out), spam, rejected posts and private boards not.
 * Only the reader's own posts are read, so nobody else's pending post can show.
 */
@QueryHandler(ListMyFeedbackQuery)
export class ListMyFeedbackHandler implements IQueryHandler<ListMyFeedbackQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, limit, cursor }: ListMyFeedbackQuery) {
    const params: unknown[] = [actor.id, actor.workspaceId];
    const where = [
      'f.workspace_id = $2',
      'f.author_id = $1',
      "f.moderation IN ('approved', 'pending')",
      'NOT f.spam',
      ...visibleToSql(await visibilityFor(this.store, actor), params),
    ];
    if (cursor !== undefined) {
      const [createdAt, id] = myFeedbackCursor.decode(cursor);
      params.push(createdAt, id);
      where.push(
        `(f.created_at, f.feedback_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows = await this.db.query<FeedbackItemRecord[]>(
      `${FEEDBACK_ITEM_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY f.created_at DESC, f.feedback_id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? myFeedbackCursor.encode([last.created_at.toISOString(), last.feedback_id])
        : null;
    return { items: page.map(toFeedbackItem), nextCursor };
  }
}
