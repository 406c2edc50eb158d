import { Query } from '@nestjs/cqrs';
import type { RoadmapView } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetRoadmapQuery extends Query<RoadmapView> {
  constructor(
    readonly actor: AuthenticatedActor,
    /** An ISO 8601 timestamp: the roadmap as it stood then. */
    readonly asOf?: string,
  ) {
    super();
  }
}
