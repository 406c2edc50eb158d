import { Query } from '@nestjs/cqrs';
import type { ImportJobDetail } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetImportQuery extends Query<ImportJobDetail | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly jobId: string,
  ) {
    super();
  }
}
