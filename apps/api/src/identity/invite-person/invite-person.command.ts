import { Command } from '@nestjs/cqrs';
import type { InvitePersonInput, PersonView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class InvitePersonCommand extends Command<{ person: PersonView; token: string }> {
  constructor(
    readonly input: InvitePersonInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
