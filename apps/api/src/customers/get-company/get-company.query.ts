import { Query } from '@nestjs/cqrs';
import type { CompanyDetail } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetCompanyQuery extends Query<CompanyDetail> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly companyId: string,
  ) {
    super();
  }
}
