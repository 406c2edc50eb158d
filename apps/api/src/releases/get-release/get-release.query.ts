import { Query } from '@nestjs/cqrs';
import type { ReleaseView } from '@chorus/domain';

export class GetReleaseQuery extends Query<ReleaseView | null> {
  constructor(
    readonly workspaceId: string,
    readonly releaseId: string,
  ) {
    super();
  }
}
