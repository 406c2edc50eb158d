import {
  evolveInitiative,
  initialInitiative,
  type ExistingInitiative,
  type InitiativeEvent,
  type InitiativeView,
} from '@chorus/domain';
import type { PostgresEventStore, StoredEvent } from '@chorus/event-store';
import { BACKLOG_STREAM_TYPE, foldBacklogItems } from '../backlog/backlog-as-of';
import { asDomainEvent } from '../platform/run-decider';
import { initiativeViewsOf, type InitiativeFacts } from './initiative.view';

const INITIATIVE_STREAM_TYPE = 'initiative';

type Folded = { state: ExistingInitiative; createdAt: number; version: number };

/**
 * The initiatives these events make, folded as the roadmap projection folds them: with the
 * domain's evolve, skipping what a row already reflects; live ones only, oldest first.
 */
const foldInitiatives = (events: readonly StoredEvent[]): InitiativeFacts[] => {
  const rows = new Map<string, Folded>();
  for (const stored of events) {
    const event = asDomainEvent<InitiativeEvent>(stored);
    const before = rows.get(event.data.initiativeId);
    if (before && stored.version <= before.version) continue;
    const state = evolveInitiative(before?.state ?? initialInitiative(), event);
    if (!state.exists) continue;
    rows.set(event.data.initiativeId, {
      state,
      createdAt: before?.createdAt ?? Date.parse(stored.metadata.occurredAt),
      version: stored.version,
    });
  }
  return [...rows.values()]
    .filter((row) => !row.state.archived)
    .sort(
      (a, b) => a.createdAt - b.createdAt || (a.state.initiativeId < b.state.initiativeId ? -1 : 1),
    )
    .map(({ state, version }) => ({
      id: state.initiativeId,
      title: state.title,
      description: state.description,
      lane: state.lane,
      quarter: state.quarter,
      visibility: state.visibility,
      version,
    }));
};

/** The workspace's live initiatives as they stood at `until`, oldest first, with progress. */
export const initiativesAsOf = async (
  store: PostgresEventStore,
  workspaceId: string,
  until: string,
): Promise<InitiativeView[]> => {
  const events = await store.readHistory(workspaceId, {
    until,
    streamTypes: [INITIATIVE_STREAM_TYPE, BACKLOG_STREAM_TYPE],
  });
  const items = foldBacklogItems(events.filter((e) => e.streamType === BACKLOG_STREAM_TYPE));
  return initiativeViewsOf(
    foldInitiatives(events.filter((e) => e.streamType === INITIATIVE_STREAM_TYPE)),
    items.map(({ record: r }) => ({
      id: r.id,
      kind: r.kind,
      parentId: r.parent_id,
      initiativeId: r.initiative_id,
      status: r.status,
      estimate: r.estimate,
    })),
  );
};
