import { Query } from '@nestjs/cqrs';
import type { CommentList } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListCommentsQuery extends Query<CommentList | null> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly feedbackId: string,
  ) {
    super();
  }
}
