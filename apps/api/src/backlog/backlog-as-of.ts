import { z } from 'zod';
import {
  evolveBacklogItem,
  initialBacklogItem,
  type BacklogChildSummary,
  type BacklogItem,
  type BacklogItemEvent,
} from '@chorus/domain';
import type { PostgresEventStore, StoredEvent } from '@chorus/event-store';
import { asDomainEvent } from '../platform/run-decider';
import type { BacklogItemRecord } from './backlog-item.view';

/** The `asOf` query parameter of the views that can be read as they stood in the past. */
export const AsOf = z.iso
  .datetime({
    offset: true,
    error: 'asOf must be an ISO 8601 timestamp with a time zone, like 2026-03-01T12:00:00Z.',
  })
  .optional()
  .describe(
    'Answer as the view stood at this moment: after every event that happened at or before it. ' +
      'Omitted or in the future: as it stands now.',
  );

/** The moment `asOf` names while it is in the past; null when the read model answers (now). */
export const pastMoment = (asOf: string | undefined): string | null =>
  asOf !== undefined && Date.parse(asOf) < Date.now() ? asOf : null;

/** The stream type of `backlog-item-<id>`, as `readHistory` filters by it. */
export const BACKLOG_STREAM_TYPE = 'backlog';

type ExistingItem = Extract<BacklogItem, { exists: true }>;

/** An item as the backlog projection had it: its row, and the feedback it answered. */
export type FoldedBacklogItem = { record: BacklogItemRecord; feedbackIds: string[] };

type Folded = { state: ExistingItem; createdAt: string; updatedAt: string; version: number };

/**
 * The backlog rows these item events make, folded as the backlog projection folds them: with
 * the domain's evolve, skipping what a row already reflects, stamped with the events' times.
 */
export const foldBacklogItems = (events: readonly StoredEvent[]): FoldedBacklogItem[] => {
  const rows = new Map<string, Folded>();
  for (const stored of events) {
    const event = asDomainEvent<BacklogItemEvent>(stored);
    const before = rows.get(event.data.itemId);
    if (before && stored.version <= before.version) continue;
    const state = evolveBacklogItem(before?.state ?? initialBacklogItem(), event);
    if (!state.exists) continue;
    const at = stored.metadata.occurredAt;
    rows.set(event.data.itemId, {
      state,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
      version: stored.version,
    });
  }
  return [...rows.values()].map(({ state, createdAt, updatedAt, version }) => ({
    record: {
      id: state.itemId,
      kind: state.kind,
      parent_id: state.parentId,
      title: state.title,
      description: state.description,
      acceptance_criteria: state.acceptanceCriteria,
      estimate: state.estimate,
      labels: state.labels,
      owner_id: state.ownerId,
      rank: state.rank,
      status: state.status,
      sprint_id: state.sprintId,
      initiative_id: state.initiativeId,
      release_id: state.releaseId,
      version,
      created_at: new Date(createdAt),
      updated_at: new Date(updatedAt),
    },
    feedbackIds: [...new Set(state.feedbackIds)],
  }));
};

/** The workspace's backlog as it stood at `until`. */
export const readBacklogAsOf = async (
  store: PostgresEventStore,
  workspaceId: string,
  until: string,
): Promise<FoldedBacklogItem[]> =>
  foldBacklogItems(
    await store.readHistory(workspaceId, { until, streamTypes: [BACKLOG_STREAM_TYPE] }),
  );

/** The children of the given items among the folded ones. */
export const childrenAmong = (
  items: readonly FoldedBacklogItem[],
  parentIds: readonly string[],
): Map<string, BacklogChildSummary[]> => {
  const parents = new Set(parentIds);
  const byParent = new Map<string, BacklogChildSummary[]>();
  for (const { record: r } of items) {
    if (r.parent_id === null || !parents.has(r.parent_id)) continue;
    const child = {
      id: r.id,
      kind: r.kind,
      title: r.title,
      status: r.status,
      estimate: r.estimate,
      rank: r.rank,
    };
    byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), child]);
  }
  return byParent;
};
