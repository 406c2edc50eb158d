import { Query } from '@nestjs/cqrs';
import type { NextFilters, RankedPage } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListNextQuery extends Query<RankedPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly filters: Pick<NextFilters, 'kind' | 'label'>,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
