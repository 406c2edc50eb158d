import { Query } from '@nestjs/cqrs';
import type { InitiativeView } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetInitiativeQuery extends Query<InitiativeView | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly initiativeId: string,
  ) {
    super();
  }
}
