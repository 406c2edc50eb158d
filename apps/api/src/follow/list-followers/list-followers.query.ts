import { Query } from '@nestjs/cqrs';
import type { Follower } from '@chorus/domain';

export class ListFollowersQuery extends Query<{ followers: Follower[] } | null> {
  constructor(
    readonly workspaceId: string,
    readonly feedbackId: string,
  ) {
    super();
  }
}
