import { Query } from '@nestjs/cqrs';
import type { FeedbackItem } from '@chorus/domain';

export class GetFeedbackQuery extends Query<FeedbackItem | null> {
  constructor(
    readonly workspaceId: string,
    readonly readerId: string,
    readonly feedbackId: string,
  ) {
    super();
  }
}
