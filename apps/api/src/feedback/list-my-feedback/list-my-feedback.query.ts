import { Query } from '@nestjs/cqrs';
import type { FeedbackPage } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListMyFeedbackQuery extends Query<FeedbackPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
