import { definedFields } from '../shared/changes';
import type { SprintEvent } from './sprint.events';

export type SprintState = 'planned' | 'active' | 'completed';

export type ExistingSprint = {
  exists: true;
  sprintId: string;
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  capacity: number;
  state: SprintState;
};
export type Sprint = { exists: false } | ExistingSprint;

export const initialSprint = (): Sprint => ({ exists: false });

export const evolveSprint = (state: Sprint, event: SprintEvent): Sprint => {
  if (event.type === 'SprintCreated') {
    const { by: _by, ...fields } = event.data;
    return { exists: true, ...fields, state: 'planned' };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'SprintEdited': {
      const { sprintId: _sprintId, by: _by, ...changes } = event.data;
      return { ...state, ...definedFields(changes) };
    }
    case 'SprintStarted':
      return { ...state, state: 'active' };
    case 'SprintCompleted':
      return { ...state, state: 'completed' };
  }
};

/** Planning past the capacity is allowed: the planner is warned, in a sentence. */
export const capacityWarning = (plannedPoints: number, capacity: number): string | null =>
  plannedPoints > capacity
    ? `Planned ${plannedPoints} point${plannedPoints === 1 ? '' : 's'} against a capacity of ${capacity}.`
    : null;
