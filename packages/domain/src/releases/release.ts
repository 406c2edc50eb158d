import type { ReleaseState } from '../contracts/releases-api';
import type { ReleaseEvent } from './release.events';

export type ExistingRelease = {
  exists: true;
  releaseId: string;
  name: string;
  date: string;
  itemIds: string[];
  changelog: { title: string; body: string } | null;
  state: ReleaseState;
  /** When the schedule publishes it, and who set it: the publication is recorded in their name. */
  schedule: { publishAt: string; by: string } | null;
  publishedAt: string | null;
};
export type Release = { exists: false } | ExistingRelease;

export const initialRelease = (): Release => ({ exists: false });

export const evolveRelease = (state: Release, event: ReleaseEvent): Release => {
  if (event.type === 'ReleaseCreated') {
    return {
      exists: true,
      releaseId: event.data.releaseId,
      name: event.data.name,
      date: event.data.date,
      itemIds: [],
      changelog: null,
      state: 'draft',
      schedule: null,
      publishedAt: null,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ReleaseEdited':
      return {
        ...state,
        name: event.data.name ?? state.name,
        date: event.data.date ?? state.date,
      };
    case 'ReleaseItemAdded':
      return state.itemIds.includes(event.data.itemId)
        ? state
        : { ...state, itemIds: [...state.itemIds, event.data.itemId] };
    case 'ReleaseItemRemoved':
      return { ...state, itemIds: state.itemIds.filter((id) => id !== event.data.itemId) };
    case 'ChangelogEntryWritten':
      return { ...state, changelog: { title: event.data.title, body: event.data.body } };
    case 'ChangelogEntryScheduled':
      return {
        ...state,
        state: 'scheduled',
        schedule: { publishAt: event.data.publishAt, by: event.data.by },
      };
    case 'ChangelogEntryUnscheduled':
      return { ...state, state: 'draft', schedule: null };
    case 'ReleasePublished':
      return { ...state, state: 'published', publishedAt: event.data.publishedAt };
  }
};
