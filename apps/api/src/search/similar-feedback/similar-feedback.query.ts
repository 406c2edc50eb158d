import { Query } from '@nestjs/cqrs';
import type { SimilarFeedback } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class SimilarFeedbackQuery extends Query<SimilarFeedback> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly title: string,
    readonly limit: number,
  ) {
    super();
  }
}
