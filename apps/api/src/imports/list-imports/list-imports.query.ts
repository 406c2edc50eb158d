import { Query } from '@nestjs/cqrs';
import type { ImportJobPage } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListImportsQuery extends Query<ImportJobPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
