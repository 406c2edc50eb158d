import { Query } from '@nestjs/cqrs';
import type { PeopleList } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListPeopleQuery extends Query<PeopleList> {
  constructor(readonly actor: AuthenticatedActor) {
    super();
  }
}
