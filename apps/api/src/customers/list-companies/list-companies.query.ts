import { Query } from '@nestjs/cqrs';
import type { CompanyPage } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListCompaniesQuery extends Query<CompanyPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly limit: number,
    readonly q?: string,
    readonly cursor?: string,
  ) {
    super();
  }
}
