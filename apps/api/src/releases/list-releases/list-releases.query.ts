import { Query } from '@nestjs/cqrs';
import type { ReleasePage, ReleaseState } from '@chorus/domain';

export class ListReleasesQuery extends Query<ReleasePage> {
  constructor(
    readonly workspaceId: string,
    readonly state: ReleaseState | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
