import { Query } from '@nestjs/cqrs';
import type { ScoreBreakdown } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetScoreQuery extends Query<ScoreBreakdown | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly itemId: string,
  ) {
    super();
  }
}
