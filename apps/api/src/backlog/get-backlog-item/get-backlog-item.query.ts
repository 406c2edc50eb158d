import { Query } from '@nestjs/cqrs';
import type { BacklogItemView } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetBacklogItemQuery extends Query<BacklogItemView | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly itemId: string,
  ) {
    super();
  }
}
