import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  effectivePreferences,
  notificationPreferencesDecider,
  notificationPreferencesStreamId,
  type NotificationPreferencesView,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { ChangeNotificationPreferencesCommand } from './change-notification-preferences.command';
import { preferencesView } from './notification-preferences.view';

@CommandHandler(ChangeNotificationPreferencesCommand)
export class ChangeNotificationPreferencesHandler implements ICommandHandler<ChangeNotificationPreferencesCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({
    categories,
    actor,
    context,
  }: ChangeNotificationPreferencesCommand): Promise<NotificationPreferencesView> {
    const { state } = await decideAndAppend(
      this.store,
      notificationPreferencesDecider,
      notificationPreferencesStreamId(actor.id),
      {
        type: 'ChangeNotificationPreferences',
        personId: actor.id,
        role: actor.role,
        categories,
        via: 'settings',
        actor,
      },
      context,
    );
    return preferencesView(effectivePreferences(state, actor.role), actor.role);
  }
}
