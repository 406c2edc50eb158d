import { Command } from '@nestjs/cqrs';
import type { ReleaseView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

/** A change to an existing release, as requested: the handler adds what the decider needs. */
export type ReleaseChange =
  | { type: 'EditRelease'; name?: string; date?: string }
  | { type: 'AddItem'; itemId: string }
  | { type: 'RemoveItem'; itemId: string }
  | { type: 'WriteChangelogEntry'; title: string; body: string }
  | { type: 'ScheduleChangelog'; publishAt: string }
  | { type: 'UnscheduleChangelog' };

export class ChangeReleaseCommand extends Command<ReleaseView> {
  constructor(
    readonly releaseId: string,
    readonly change: ReleaseChange,
    /** From If-Match: required to edit, optional otherwise. */
    readonly expectedVersion: number | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
