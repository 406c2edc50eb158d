import { Query } from '@nestjs/cqrs';
import type { FeedbackPage, FeedbackSort, FeedbackStatus } from '@chorus/domain';

export class ListFeedbackQuery extends Query<FeedbackPage> {
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
