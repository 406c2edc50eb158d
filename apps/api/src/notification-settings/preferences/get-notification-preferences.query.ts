import { Query } from '@nestjs/cqrs';
import type { NotificationPreferencesView } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class GetNotificationPreferencesQuery extends Query<NotificationPreferencesView> {
  constructor(readonly actor: AuthenticatedActor) {
    super();
  }
}
