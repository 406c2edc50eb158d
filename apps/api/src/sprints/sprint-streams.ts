import type { EntityManager } from 'typeorm';
import {
  backlogItemStreamId,
  evolveBacklogItem,
  evolveSprint,
  initialBacklogItem,
  initialSprint,
  sprintStreamId,
  type BacklogItem,
  type BacklogItemEvent,
  type Sprint,
  type SprintEvent,
} from '@chorus/domain';
import type { PostgresEventStore, StoredEvent } from '@chorus/event-store';
import { asDomainEvent } from '../platform/run-decider';

export type Folded<S> = { state: S; version: number };

const foldItem = (events: readonly StoredEvent[] = []): Folded<BacklogItem> => ({
  state: events
    .map((e) => asDomainEvent<BacklogItemEvent>(e))
    .reduce(evolveBacklogItem, initialBacklogItem()),
  version: events.length,
});

const foldSprint = (events: readonly StoredEvent[] = []): Folded<Sprint> => ({
  state: events.map((e) => asDomainEvent<SprintEvent>(e)).reduce(evolveSprint, initialSprint()),
  version: events.length,
});

/**
 * Folds sprints and backlog items of the workspace in one round trip; another workspace's
 * streams read as empty, so commands on them answer 404.
 */
export const readPlanning = async (
  store: PostgresEventStore,
  workspaceId: string,
  ids: { sprintIds: readonly string[]; itemIds: readonly string[] },
  manager?: EntityManager,
) => {
  const streams = await store.readStreams(
    [...ids.sprintIds.map(sprintStreamId), ...ids.itemIds.map(backlogItemStreamId)],
    { workspaceId, manager },
  );
  return {
    sprint: (sprintId: string) => foldSprint(streams.get(sprintStreamId(sprintId))),
    item: (itemId: string) => foldItem(streams.get(backlogItemStreamId(itemId))),
  };
};

/**
 * Serialises planning into a sprint with completing it, until the transaction ends: completion
 * finds the sprint's items in the log, so an item planned meanwhile would otherwise stay behind
 * in a completed sprint. Several sprints are locked in sorted order, so lockers never deadlock.
 */
export const lockSprints = async (tx: EntityManager, sprintIds: readonly string[]) => {
  for (const sprintId of [...new Set(sprintIds)].sort()) {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`chorus:sprint-${sprintId}`]);
  }
};

/** Every item ever planned into the sprint, from the log itself: the read model may lag. */
export const itemIdsPlannedInto = async (
  tx: EntityManager,
  workspaceId: string,
  sprintId: string,
): Promise<string[]> => {
  const rows = await tx.query<{ item_id: string }[]>(
    `SELECT DISTINCT data->>'itemId' AS item_id FROM events
     WHERE type = 'BacklogItemPlanned' AND data->>'sprintId' = $1 AND workspace_id = $2
     ORDER BY item_id`,
    [sprintId, workspaceId],
  );
  return rows.map((r) => r.item_id);
};
