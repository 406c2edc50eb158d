import { Command } from '@nestjs/cqrs';
import type { DefineScoringModel, ScoringModelsView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

/** A change to the workspace's scoring models, as the decider takes it (less the actor). */
export type ScoringChange =
  | Omit<DefineScoringModel, 'actor'>
  | { type: 'RemoveScoringModel'; modelId: string }
  | { type: 'ActivateScoringModel'; modelId: string };

export class ChangeScoringModelsCommand extends Command<ScoringModelsView> {
  constructor(
    readonly change: ScoringChange,
    readonly expectedVersion: number | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
