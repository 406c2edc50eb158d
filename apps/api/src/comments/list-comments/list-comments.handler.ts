import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isStaff, type CommentList } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { visibilityFor, visibleToSql } from '../../feedback/feedback-visibility';
import { readCommentThreads } from '../comment.view';
import { ListCommentsQuery } from './list-comments.query';

@QueryHandler(ListCommentsQuery)
export class ListCommentsHandler implements IQueryHandler<ListCommentsQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, feedbackId }: ListCommentsQuery): Promise<CommentList | null> {
    // Feedback a customer may not see has no comments they may see: it is a 404 like the item.
    const params: unknown[] = [actor.workspaceId, feedbackId];
    const visible = visibleToSql(await visibilityFor(this.store, actor), params);
    const found = await this.db.query<unknown[]>(
      `SELECT 1 FROM feedback_list f WHERE ${['f.workspace_id = $1', 'f.feedback_id = $2', ...visible].join(' AND ')}`,
      params,
    );
    if (found.length === 0) return null;
    const reader = { workspaceId: actor.workspaceId, staff: isStaff(actor) };
    return { comments: await readCommentThreads(this.db, reader, { feedbackId }) };
  }
}
