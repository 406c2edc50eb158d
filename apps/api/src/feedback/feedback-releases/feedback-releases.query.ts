import { Query } from '@nestjs/cqrs';
import type { FeedbackReleases } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

/** Null when the reader may not see the feedback item. */
export class FeedbackReleasesQuery extends Query<FeedbackReleases | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly feedbackId: string,
  ) {
    super();
  }
}
