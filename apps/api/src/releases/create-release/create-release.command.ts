import { Command } from '@nestjs/cqrs';
import type { ReleaseInput, ReleaseView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class CreateReleaseCommand extends Command<{ status: number; body: ReleaseView }> {
  constructor(
    readonly input: ReleaseInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
