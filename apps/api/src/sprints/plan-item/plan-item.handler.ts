import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  AggregateNotFound,
  backlogItemStreamId,
  capacityWarning,
  decidePlanning,
  evolveBacklogItem,
  type BacklogItem,
  type PlanResult,
} from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore } from '@chorus/event-store';
import { lockSprints, readPlanning } from '../sprint-streams';
import { readSprintTotals, sprintViewOf, type SprintTotals } from '../sprint.view';
import { PlanItemCommand } from './plan-item.command';

const RETRIES = 3;

/** The read model's totals, with the item as it is now in place of what the projection has. */
const withItem = (others: SprintTotals, item: BacklogItem, sprintId: string): SprintTotals => {
  if (!item.exists || item.sprintId !== sprintId) return others;
  const points = item.estimate ?? 0;
  const accepted = item.status === 'accepted' || item.status === 'released';
  return {
    plannedPoints: others.plannedPoints + points,
    acceptedPoints: others.acceptedPoints + (accepted ? points : 0),
    itemCount: others.itemCount + 1,
  };
};

/**
 * Decides on the item's stream, reading the sprint's: the item is appended to at the version
 * read, so two teammates moving one item conflict and the second decides again. Planning holds
 * the sprint's lock, so it cannot slip past a completion of the sprint running at the same time.
 */
@CommandHandler(PlanItemCommand)
export class PlanItemHandler implements ICommandHandler<PlanItemCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ kind, sprintId, itemId, actor, context }: PlanItemCommand): Promise<PlanResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        const decided = await this.db.transaction(async (tx) => {
          await lockSprints(tx, [sprintId]);
          const read = await readPlanning(
            this.store,
            actor.workspaceId,
            { sprintIds: [sprintId], itemIds: [itemId] },
            tx,
          );
          const sprint = read.sprint(sprintId);
          const item = read.item(itemId);
          const events = decidePlanning(
            { type: kind, itemId, sprintId, actor },
            item.state,
            sprint.state,
          );
          await this.store.append(backlogItemStreamId(itemId), item.version, events, context, tx);
          return { sprint, item: events.reduce(evolveBacklogItem, item.state) };
        });
        this.store.notifyAppended();
        const { sprint, item } = decided;
        if (!sprint.state.exists) throw new AggregateNotFound('Sprint', sprintId);
        const others = await readSprintTotals(this.db, actor.workspaceId, sprintId, itemId);
        const view = sprintViewOf(sprint.state, sprint.version, withItem(others, item, sprintId));
        return { sprint: view, warning: capacityWarning(view.plannedPoints, view.capacity) };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }
}
