import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  backlogItemStreamId,
  decideSetBacklogItemFactors,
  evolveBacklogItem,
  initialBacklogItem,
  type BacklogItem,
  type BacklogItemEvent,
  type Decider,
  type SetBacklogItemFactors,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { readScoring } from '../read-scoring';
import { SetBacklogItemFactorsCommand } from './set-backlog-item-factors.command';

@CommandHandler(SetBacklogItemFactorsCommand)
export class SetBacklogItemFactorsHandler implements ICommandHandler<SetBacklogItemFactorsCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({
    itemId,
    factors,
    expectedVersion,
    actor,
    context,
  }: SetBacklogItemFactorsCommand) {
    // Which keys are hand-set factors is the models' say, read as they are now.
    const { scoring } = await readScoring(this.store, actor.workspaceId);
    const decider: Decider<SetBacklogItemFactors, BacklogItemEvent, BacklogItem> = {
      initialState: initialBacklogItem,
      evolve: evolveBacklogItem,
      decide: (command, item) => decideSetBacklogItemFactors(command, item, scoring),
    };
    const { version } = await decideAndAppend(
      this.store,
      decider,
      backlogItemStreamId(itemId),
      { type: 'SetBacklogItemFactors', itemId, factors, actor },
      context,
      { expectedVersion },
    );
    return { id: itemId, version };
  }
}
