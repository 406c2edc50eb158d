import { Command } from '@nestjs/cqrs';
import type { CreatedWebhook, CreateWebhookInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class CreateWebhookCommand extends Command<CreatedWebhook> {
  constructor(
    readonly input: CreateWebhookInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
