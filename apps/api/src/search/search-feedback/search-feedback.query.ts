import { Query } from '@nestjs/cqrs';
import type { SearchResult } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class SearchFeedbackQuery extends Query<SearchResult> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly text: string,
    readonly limit: number,
  ) {
    super();
  }
}
