import { Query } from '@nestjs/cqrs';
import type { ApiKeyList } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListApiKeysQuery extends Query<ApiKeyList> {
  constructor(readonly actor: AuthenticatedActor) {
    super();
  }
}
