import { Query } from '@nestjs/cqrs';
import type { SprintDetail } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetSprintQuery extends Query<SprintDetail | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly sprintId: string,
  ) {
    super();
  }
}
