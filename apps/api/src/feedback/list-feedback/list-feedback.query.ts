import { Query } from '@nestjs/cqrs';
import type { FeedbackStatus } from '@chorus/domain';
import type { FeedbackItem } from '../feedback-item.view';

export type FeedbackSort = 'votes' | 'newest' | 'activity';

export class ListFeedbackQuery extends Query<{ items: FeedbackItem[]; nextCursor: string | null }> {
  constructor(
    readonly workspaceId: string,
    readonly readerId: string,
    readonly sort: FeedbackSort,
    readonly limit: number,
    readonly status?: FeedbackStatus,
    readonly cursor?: string,
  ) {
    super();
  }
}
