import { Query } from '@nestjs/cqrs';
import type { FeedbackBacklogItems } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class FeedbackBacklogItemsQuery extends Query<FeedbackBacklogItems> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly feedbackId: string,
  ) {
    super();
  }
}
