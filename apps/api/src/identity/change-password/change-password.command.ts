import { Command } from '@nestjs/cqrs';
import type { ChangePasswordInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly input: ChangePasswordInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    /** The session this request came with, which stays open; every other one ends. */
    readonly sessionToken: string | undefined,
  ) {
    super();
  }
}
