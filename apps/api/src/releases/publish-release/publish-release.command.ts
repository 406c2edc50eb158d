import { Command } from '@nestjs/cqrs';
import type { ReleaseView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

/** A teammate publishing now, or the schedule of a release coming due. */
export type PublishTrigger =
  | { type: 'teammate'; actor: AuthenticatedActor; context: CommandContext }
  | { type: 'schedule'; workspaceId: string; correlationId: string };

export class PublishReleaseCommand extends Command<ReleaseView> {
  constructor(
    readonly releaseId: string,
    readonly trigger: PublishTrigger,
  ) {
    super();
  }
}
