import { Query } from '@nestjs/cqrs';
import type { FeedbackFilters, FeedbackPage, FeedbackSort } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListFeedbackQuery extends Query<FeedbackPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly sort: FeedbackSort,
    readonly limit: number,
    readonly filters: FeedbackFilters,
    readonly cursor?: string,
  ) {
    super();
  }
}
