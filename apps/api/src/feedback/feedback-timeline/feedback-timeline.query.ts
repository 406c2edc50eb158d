import { Query } from '@nestjs/cqrs';
import type { Timeline } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class FeedbackTimelineQuery extends Query<Timeline | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly feedbackId: string,
  ) {
    super();
  }
}
