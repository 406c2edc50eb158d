import { Command } from '@nestjs/cqrs';
import type { NotificationCategory, NotificationPreferencesView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class ChangeNotificationPreferencesCommand extends Command<NotificationPreferencesView> {
  constructor(
    readonly categories: Partial<Record<NotificationCategory, boolean>>,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
