import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { scoringDecider, scoringStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { toScoringModelsView } from '../read-scoring';
import { ChangeScoringModelsCommand } from './change-scoring-models.command';

@CommandHandler(ChangeScoringModelsCommand)
export class ChangeScoringModelsHandler implements ICommandHandler<ChangeScoringModelsCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ change, expectedVersion, actor, context }: ChangeScoringModelsCommand) {
    const { version, state } = await decideAndAppend(
      this.store,
      scoringDecider,
      scoringStreamId(actor.workspaceId),
      { ...change, actor },
      context,
      { expectedVersion },
    );
    return toScoringModelsView(state, version);
  }
}
