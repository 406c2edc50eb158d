import { Query } from '@nestjs/cqrs';
import type { NotificationPage } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ListNotificationsQuery extends Query<NotificationPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
