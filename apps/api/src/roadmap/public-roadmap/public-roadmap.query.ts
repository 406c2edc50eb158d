import { Query } from '@nestjs/cqrs';
import type { PublicRoadmapView } from '@chorus/domain';

/** A workspace's public roadmap by its slug; null if no workspace has it. */
export class PublicRoadmapQuery extends Query<PublicRoadmapView | null> {
  constructor(readonly workspaceSlug: string) {
    super();
  }
}
