import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AggregateNotFound, type FeedbackBacklogItems } from '@chorus/domain';
import { FeedbackBacklogItemsQuery } from './feedback-backlog-items.query';

@QueryHandler(FeedbackBacklogItemsQuery)
export class FeedbackBacklogItemsHandler implements IQueryHandler<FeedbackBacklogItemsQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, feedbackId }: FeedbackBacklogItemsQuery): Promise<FeedbackBacklogItems> {
    const [known] = await this.db.query<unknown[]>(
      `SELECT 1 FROM feedback_list WHERE workspace_id = $1 AND feedback_id = $2`,
      [actor.workspaceId, feedbackId],
    );
    if (!known) throw new AggregateNotFound('Feedback', feedbackId);
    const items = await this.db.query<FeedbackBacklogItems['items']>(
      `SELECT b.id, b.kind, b.title, b.status, b.estimate::float8 AS estimate, b.sprint_id AS "sprintId"
       FROM backlog_item_feedback l JOIN backlog_items b ON b.id = l.item_id
       WHERE l.workspace_id = $1 AND l.feedback_id = $2 AND b.workspace_id = $1
       ORDER BY b.rank COLLATE "C", b.id`,
      [actor.workspaceId, feedbackId],
    );
    return { items };
  }
}
