import { Command } from '@nestjs/cqrs';
import type { WebhookView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

/** Pause (`paused: true`) or resume a subscription; doing it twice changes nothing. */
export class PauseWebhookCommand extends Command<WebhookView> {
  constructor(
    readonly webhookId: string,
    readonly paused: boolean,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
