import type { z } from 'zod';
import { definedFields } from '../shared/changes';
import type { InitiativeProgress } from '../contracts/roadmap-api';
import type { InitiativeEvent, InitiativeVisibility, RoadmapLane } from './initiative.events';

export type ExistingInitiative = {
  exists: true;
  initiativeId: string;
  title: string;
  description: string;
  lane: z.infer<typeof RoadmapLane>;
  quarter: string | null;
  visibility: z.infer<typeof InitiativeVisibility>;
  archived: boolean;
};
export type Initiative = { exists: false } | ExistingInitiative;

export const initialInitiative = (): Initiative => ({ exists: false });

export const evolveInitiative = (state: Initiative, event: InitiativeEvent): Initiative => {
  if (event.type === 'InitiativeCreated') {
    const { by: _by, ...fields } = event.data;
    return { exists: true, ...fields, archived: false };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'InitiativeEdited': {
      const { initiativeId: _initiativeId, by: _by, ...changes } = event.data;
      return { ...state, ...definedFields(changes) };
    }
    case 'InitiativeMoved':
      return { ...state, lane: event.data.to };
    case 'InitiativeArchived':
      return { ...state, archived: true };
  }
};

/**
 * How far along an initiative is: by points while any of its items is estimated, by items
 * otherwise. Rounded down, so 100 means all of it is done.
 */
export const initiativeProgress = (
  counts: Omit<InitiativeProgress, 'percent'>,
): InitiativeProgress => {
  const [done, total] =
    counts.points > 0
      ? [counts.donePoints, counts.points]
      : [counts.doneItemCount, counts.itemCount];
  // The epsilon keeps binary fractions (2.9 points of 10) from flooring a whole percent away.
  return { ...counts, percent: total > 0 ? Math.floor((done * 100) / total + 1e-9) : 0 };
};
