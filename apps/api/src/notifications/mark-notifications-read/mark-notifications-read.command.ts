import { Command } from '@nestjs/cqrs';
import type { NotificationsMarkedRead } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class MarkNotificationsReadCommand extends Command<NotificationsMarkedRead> {
  constructor(
    /** Omitted: every unread notification of the caller. */
    readonly ids: readonly string[] | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
