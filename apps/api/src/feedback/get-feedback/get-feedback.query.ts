import { Query } from '@nestjs/cqrs';
import type { FeedbackItem } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetFeedbackQuery extends Query<FeedbackItem | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly feedbackId: string,
  ) {
    super();
  }
}
