import { Command } from '@nestjs/cqrs';
import type { MergeResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

/** `intoId` null means unmerge the duplicate from whatever it is merged into. */
export class MergeFeedbackCommand extends Command<MergeResult> {
  constructor(
    readonly duplicateId: string,
    readonly intoId: string | null,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
