import { Query } from '@nestjs/cqrs';
import type { MergePreview } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class MergePreviewQuery extends Query<MergePreview | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly duplicateId: string,
    readonly intoId: string,
  ) {
    super();
  }
}
