import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { backlogItemDecider, backlogItemStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { rankForMove } from '../backlog-ranks';
import { RankBacklogItemCommand } from './rank-backlog-item.command';

/**
 * A move rewrites the moved item's rank only: one event on its own stream, so moves of
 * different items never conflict, even into the same gap (they then share a rank and sort by id).
 */
@CommandHandler(RankBacklogItemCommand)
export class RankBacklogItemHandler implements ICommandHandler<RankBacklogItemCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ itemId, neighbours, actor, context }: RankBacklogItemCommand) {
    const rank = await rankForMove(this.db, actor.workspaceId, itemId, neighbours);
    const { version, state } = await decideAndAppend(
      this.store,
      backlogItemDecider,
      backlogItemStreamId(itemId),
      { type: 'RankBacklogItem', itemId, rank, actor },
      context,
    );
    return { id: itemId, version, rank: state.exists ? state.rank : rank };
  }
}
