import { isStaff, type Actor } from '../shared/actor';
import { changedFields } from '../shared/changes';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid, validIfGiven } from '../shared/valid';
import {
  evolveInitiative,
  initialInitiative,
  type ExistingInitiative,
  type Initiative,
} from './initiative';
import {
  InitiativeDescription,
  InitiativeTitle,
  InitiativeVisibility,
  Quarter,
  RoadmapLane,
  type InitiativeEvent,
} from './initiative.events';

type InitiativeFields = Pick<
  ExistingInitiative,
  'title' | 'description' | 'quarter' | 'visibility'
>;

export type CreateInitiative = {
  type: 'CreateInitiative';
  initiativeId: string;
  title: string;
  description?: string;
  lane: ExistingInitiative['lane'];
  quarter?: string | null;
  visibility?: ExistingInitiative['visibility'];
  actor: Actor;
};
export type EditInitiative = {
  type: 'EditInitiative';
  initiativeId: string;
  title?: string;
  description?: string;
  quarter?: string | null;
  visibility?: ExistingInitiative['visibility'];
  actor: Actor;
};
export type MoveInitiative = {
  type: 'MoveInitiative';
  initiativeId: string;
  lane: ExistingInitiative['lane'];
  actor: Actor;
};
export type ArchiveInitiative = { type: 'ArchiveInitiative'; initiativeId: string; actor: Actor };

export type InitiativeCommand =
  CreateInitiative | EditInitiative | MoveInitiative | ArchiveInitiative;

/** An archived initiative is gone from the roadmap: commands on it find nothing. */
const assertLive: (
  state: Initiative,
  initiativeId: string,
) => asserts state is ExistingInitiative = (state, initiativeId) => {
  if (!state.exists || state.archived) throw new AggregateNotFound('Initiative', initiativeId);
};

const create = (command: CreateInitiative, state: Initiative): InitiativeEvent[] => {
  if (state.exists) {
    throw new DomainRuleViolation(`Initiative ${command.initiativeId} already exists.`);
  }
  return [
    {
      type: 'InitiativeCreated',
      data: {
        initiativeId: command.initiativeId,
        title: valid(InitiativeTitle, command.title, 'title'),
        description: valid(InitiativeDescription, command.description ?? '', 'description'),
        lane: valid(RoadmapLane, command.lane, 'lane'),
        quarter: valid(Quarter.nullable(), command.quarter ?? null, 'quarter'),
        visibility: valid(InitiativeVisibility, command.visibility ?? 'internal', 'visibility'),
        by: command.actor.id,
      },
    },
  ];
};

const edit = (command: EditInitiative, state: Initiative): InitiativeEvent[] => {
  assertLive(state, command.initiativeId);
  const changes = changedFields<InitiativeFields>(state, {
    title: validIfGiven(InitiativeTitle, command.title, 'title'),
    description: validIfGiven(InitiativeDescription, command.description, 'description'),
    quarter: validIfGiven(Quarter.nullable(), command.quarter, 'quarter'),
    visibility: validIfGiven(InitiativeVisibility, command.visibility, 'visibility'),
  });
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'InitiativeEdited',
      data: { initiativeId: state.initiativeId, ...changes, by: command.actor.id },
    },
  ];
};

const move = (command: MoveInitiative, state: Initiative): InitiativeEvent[] => {
  assertLive(state, command.initiativeId);
  const to = valid(RoadmapLane, command.lane, 'lane');
  if (to === state.lane) return [];
  return [
    {
      type: 'InitiativeMoved',
      data: { initiativeId: state.initiativeId, from: state.lane, to, by: command.actor.id },
    },
  ];
};

const archive = (command: ArchiveInitiative, state: Initiative): InitiativeEvent[] => {
  assertLive(state, command.initiativeId);
  return [
    {
      type: 'InitiativeArchived',
      data: { initiativeId: state.initiativeId, by: command.actor.id },
    },
  ];
};

export const initiativeDecider: Decider<InitiativeCommand, InitiativeEvent, Initiative> = {
  initialState: initialInitiative,
  evolve: evolveInitiative,
  decide: (command, state) => {
    if (!isStaff(command.actor)) {
      throw new ActionForbidden('Only a teammate can change the roadmap.');
    }
    switch (command.type) {
      case 'CreateInitiative':
        return create(command, state);
      case 'EditInitiative':
        return edit(command, state);
      case 'MoveInitiative':
        return move(command, state);
      case 'ArchiveInitiative':
        return archive(command, state);
    }
  },
};
