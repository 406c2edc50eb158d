import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  backlogItemStreamId,
  decideCarryOver,
  sprintDecider,
  sprintStreamId,
  type CompleteSprintResult,
} from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore, type NewEvent } from '@chorus/event-store';
import { itemIdsPlannedInto, lockSprints, readPlanning } from '../sprint-streams';
import { sprintViewOf } from '../sprint.view';
import { CompleteSprintCommand } from './complete-sprint.command';

const RETRIES = 3;

/**
 * Appends `SprintCompleted` and every unfinished item's carry-over in ONE transaction, each at
 * the version read, in sorted stream order (so crossing writers queue instead of deadlocking).
 * An item moved meanwhile makes the whole decision conflict and be taken again on fresh state.
 * The sprint's lock (and the next sprint's) keeps items from being planned into either while the
 * items are looked up.
 */
@CommandHandler(CompleteSprintCommand)
export class CompleteSprintHandler implements ICommandHandler<CompleteSprintCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({
    sprintId,
    carryOverTo,
    actor,
    context,
  }: CompleteSprintCommand): Promise<CompleteSprintResult> {
    const { workspaceId } = actor;
    const sprintIds = carryOverTo === null ? [sprintId] : [sprintId, carryOverTo];
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.transaction(async (tx) => {
          await lockSprints(tx, sprintIds);
          const itemIds = await itemIdsPlannedInto(tx, workspaceId, sprintId);
          const read = await readPlanning(this.store, workspaceId, { sprintIds, itemIds }, tx);
          const sprint = read.sprint(sprintId);
          const items = new Map(itemIds.map((id) => [id, read.item(id)]));
          const [completed, ...rest] = sprintDecider.decide(
            {
              type: 'CompleteSprint',
              sprintId,
              items: [...items.values()].map((item) => item.state),
              carryOverTo:
                carryOverTo === null
                  ? null
                  : { sprintId: carryOverTo, sprint: read.sprint(carryOverTo).state },
              actor,
            },
            sprint.state,
          );
          if (completed?.type !== 'SprintCompleted' || rest.length > 0 || !sprint.state.exists) {
            throw new Error('Completing a sprint decided something else');
          }
          const appends: { streamId: string; version: number; events: NewEvent[] }[] = [
            { streamId: sprintStreamId(sprintId), version: sprint.version, events: [completed] },
            ...completed.data.carriedOver.map(({ itemId, to }) => {
              const item = read.item(itemId);
              return {
                streamId: backlogItemStreamId(itemId),
                version: item.version,
                events: decideCarryOver(
                  { type: 'CarryOver', itemId, sprintId, to, actor },
                  item.state,
                ),
              };
            }),
          ];
          appends.sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
          for (const { streamId, version, events } of appends) {
            await this.store.append(streamId, version, events, context, tx);
          }
          // What stays with the sprint is its accepted work.
          const accepted = completed.data.acceptedItemIds.map((id) => items.get(id)?.state);
          const points = accepted.reduce(
            (sum, item) => sum + (item?.exists ? (item.estimate ?? 0) : 0),
            0,
          );
          return {
            sprint: sprintViewOf({ ...sprint.state, state: 'completed' }, sprint.version + 1, {
              plannedPoints: points,
              acceptedPoints: points,
              itemCount: accepted.length,
            }),
            acceptedItemIds: completed.data.acceptedItemIds,
            carriedOver: completed.data.carriedOver,
          };
        });
        this.store.notifyAppended();
        return result;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }
}
