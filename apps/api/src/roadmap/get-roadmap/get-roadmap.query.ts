import { Query } from '@nestjs/cqrs';
import type { RoadmapView } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetRoadmapQuery extends Query<RoadmapView> {
  constructor(readonly actor: AuthenticatedActor) {
    super();
  }
}
