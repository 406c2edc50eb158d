import { Query } from '@nestjs/cqrs';
import type { SprintList, SprintStateName } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListSprintsQuery extends Query<SprintList> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly state: SprintStateName | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
