import { Query } from '@nestjs/cqrs';
import type { ScoringModelsView } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetScoringModelsQuery extends Query<ScoringModelsView> {
  constructor(readonly actor: AuthenticatedActor) {
    super();
  }
}
