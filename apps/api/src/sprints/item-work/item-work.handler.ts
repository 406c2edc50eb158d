import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  backlogItemStreamId,
  decidePlanning,
  evolveBacklogItem,
  initialSprint,
  type PlanningCommand,
  type SprintItemChanged,
} from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore } from '@chorus/event-store';
import { readPlanning } from '../sprint-streams';
import { ItemWorkCommand } from './item-work.command';

const RETRIES = 3;

/**
 * Decides on the item's stream, with the sprint it is in: completing that sprint appends to
 * every unfinished item, so a move racing a completion conflicts and is decided again.
 */
@CommandHandler(ItemWorkCommand)
export class ItemWorkHandler implements ICommandHandler<ItemWorkCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ work, actor, context }: ItemWorkCommand): Promise<SprintItemChanged> {
    const { itemId } = work;
    const command: PlanningCommand = { ...work, actor };
    for (let attempt = 0; ; attempt++) {
      const { workspaceId } = actor;
      const item = (
        await readPlanning(this.store, workspaceId, { sprintIds: [], itemIds: [itemId] })
      ).item(itemId);
      const sprintId = item.state.exists ? item.state.sprintId : null;
      const sprint =
        sprintId === null
          ? initialSprint()
          : (
              await readPlanning(this.store, workspaceId, { sprintIds: [sprintId], itemIds: [] })
            ).sprint(sprintId).state;
      const events = decidePlanning(command, item.state, sprint);
      try {
        const { nextVersion } = await this.store.append(
          backlogItemStreamId(itemId),
          item.version,
          events,
          context,
        );
        const after = events.reduce(evolveBacklogItem, item.state);
        if (!after.exists) throw new Error('Work on an item left no item');
        return { id: itemId, version: nextVersion, status: after.status };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }
}
