import type { DataSource } from 'typeorm';
import {
  backlogItemStreamId,
  evolveBacklogItem,
  initialBacklogItem,
  initiativeStreamId,
  type BacklogItem,
  type BacklogItemEvent,
  type InitiativeFacts,
  type LinkableFeedback,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { asDomainEvent } from '../platform/run-decider';
import { readFeedbacks, type FoldedFeedback } from '../feedback/merge-feedback/read-pair';
import { findTeammates } from '../teammates/teammates';

// The folded state of other aggregates that backlog decisions take as input, read from their
// streams (not the read models) so a rule is checked against what has been decided.

/** Another backlog item (a parent), as folded from its stream; another workspace's reads as missing. */
export const readBacklogItem = async (
  store: PostgresEventStore,
  workspaceId: string,
  itemId: string,
): Promise<BacklogItem> =>
  (await store.readStream(backlogItemStreamId(itemId), { workspaceId }))
    .map((e) => asDomainEvent<BacklogItemEvent>(e))
    .reduce(evolveBacklogItem, initialBacklogItem());

/** The feedback to link, and the survivors of any merged among it so a refusal can name them. */
export const readLinkableFeedback = async (
  store: PostgresEventStore,
  workspaceId: string,
  feedbackIds: readonly string[],
): Promise<LinkableFeedback> => {
  if (feedbackIds.length === 0) return {};
  const read = await readFeedbacks(store, workspaceId, feedbackIds);
  const survivorIds = [...read.values()].flatMap(({ state }) =>
    state.exists && state.mergedInto !== null ? [state.mergedInto] : [],
  );
  const survivors =
    survivorIds.length > 0
      ? await readFeedbacks(store, workspaceId, survivorIds)
      : new Map<string, FoldedFeedback>();
  return Object.fromEntries([...survivors, ...read].map(([id, { state }]) => [id, state]));
};

/**
 * Whether an initiative exists and is archived: all a backlog item needs to know of it, folded
 * minimally from its stream.
 */
export const readInitiativeFacts = async (
  store: PostgresEventStore,
  workspaceId: string,
  initiativeId: string,
): Promise<InitiativeFacts> => {
  const types = (await store.readStream(initiativeStreamId(initiativeId), { workspaceId })).map(
    (e) => e.type,
  );
  return {
    exists: types.includes('InitiativeCreated'),
    archived: types.includes('InitiativeArchived'),
  };
};

/** Whether the person an item is handed to is a teammate of its workspace (undefined: nobody named). */
export const ownerIsTeammate = async (
  db: Pick<DataSource, 'query'>,
  workspaceId: string,
  ownerId: string | null | undefined,
): Promise<boolean | undefined> =>
  typeof ownerId === 'string'
    ? (await findTeammates(db, workspaceId, [ownerId])).length === 1
    : undefined;
