import { Command } from '@nestjs/cqrs';
import type { ActorRoleName, PersonView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export type PersonChange =
  | { type: 'role'; role: ActorRoleName }
  | { type: 'deactivate' }
  | { type: 'reactivate' }
  | { type: 'erase' };

export class ChangePersonCommand extends Command<PersonView> {
  constructor(
    readonly personId: string,
    readonly change: PersonChange,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
