import { Query } from '@nestjs/cqrs';
import type { CustomerPage } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListCustomersQuery extends Query<CustomerPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly limit: number,
    readonly q?: string,
    readonly companyId?: string,
    readonly cursor?: string,
  ) {
    super();
  }
}
