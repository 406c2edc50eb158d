import { isStaff, type Actor } from '../shared/actor';
import { changedFields } from '../shared/changes';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid, validIfGiven } from '../shared/valid';
import type { BacklogItem } from '../backlog/backlog-item';
import { evolveSprint, initialSprint, type ExistingSprint, type Sprint } from './sprint';
import { Capacity, IsoDate, SprintGoal, SprintName, type SprintEvent } from './sprint.events';

type ExistingBacklogItem = Extract<BacklogItem, { exists: true }>;
type SprintFields = Pick<ExistingSprint, 'name' | 'goal' | 'startDate' | 'endDate' | 'capacity'>;

export type CreateSprint = {
  type: 'CreateSprint';
  sprintId: string;
  name: string;
  goal?: string;
  startDate: string;
  endDate: string;
  capacity: number;
  actor: Actor;
};
export type EditSprint = {
  type: 'EditSprint';
  sprintId: string;
  actor: Actor;
} & Partial<SprintFields>;
export type StartSprint = { type: 'StartSprint'; sprintId: string; actor: Actor };
export type CompleteSprint = {
  type: 'CompleteSprint';
  sprintId: string;
  /** The folded states of the items planned into the sprint; others are ignored. */
  items: readonly BacklogItem[];
  /** Where unfinished items go: another sprint (with its folded state), or the backlog (null). */
  carryOverTo: { sprintId: string; sprint: Sprint } | null;
  actor: Actor;
};

export type SprintCommand = CreateSprint | EditSprint | StartSprint | CompleteSprint;

const assertStaff = (actor: Actor) => {
  if (!isStaff(actor)) throw new ActionForbidden('Only a teammate can plan sprints.');
};

const assertSprintExists: (state: Sprint, sprintId: string) => asserts state is ExistingSprint = (
  state,
  sprintId,
) => {
  if (!state.exists) throw new AggregateNotFound('Sprint', sprintId);
};

/** ISO dates compare as strings. */
const assertEndsAfterStart = (startDate: string, endDate: string) => {
  if (endDate <= startDate) {
    throw new DomainRuleViolation('A sprint must end after it starts.', 'endDate');
  }
};

const create = (command: CreateSprint, state: Sprint): SprintEvent[] => {
  if (state.exists) {
    throw new DomainRuleViolation(`Sprint ${command.sprintId} already exists.`);
  }
  const startDate = valid(IsoDate, command.startDate, 'startDate');
  const endDate = valid(IsoDate, command.endDate, 'endDate');
  assertEndsAfterStart(startDate, endDate);
  return [
    {
      type: 'SprintCreated',
      data: {
        sprintId: command.sprintId,
        name: valid(SprintName, command.name, 'name'),
        goal: valid(SprintGoal, command.goal ?? '', 'goal'),
        startDate,
        endDate,
        capacity: valid(Capacity, command.capacity, 'capacity'),
        by: command.actor.id,
      },
    },
  ];
};

const edit = (command: EditSprint, state: Sprint): SprintEvent[] => {
  assertSprintExists(state, command.sprintId);
  if (state.state === 'completed') {
    throw new DomainRuleViolation(`Sprint "${state.name}" is completed and can no longer change.`);
  }
  const changes = changedFields<SprintFields>(state, {
    name: validIfGiven(SprintName, command.name, 'name'),
    goal: validIfGiven(SprintGoal, command.goal, 'goal'),
    startDate: validIfGiven(IsoDate, command.startDate, 'startDate'),
    endDate: validIfGiven(IsoDate, command.endDate, 'endDate'),
    capacity: validIfGiven(Capacity, command.capacity, 'capacity'),
  });
  if (Object.keys(changes).length === 0) return [];
  assertEndsAfterStart(changes.startDate ?? state.startDate, changes.endDate ?? state.endDate);
  return [
    { type: 'SprintEdited', data: { sprintId: state.sprintId, ...changes, by: command.actor.id } },
  ];
};

const start = (command: StartSprint, state: Sprint): SprintEvent[] => {
  assertSprintExists(state, command.sprintId);
  switch (state.state) {
    case 'planned':
      return [{ type: 'SprintStarted', data: { sprintId: state.sprintId, by: command.actor.id } }];
    case 'active':
      throw new DomainRuleViolation(`Sprint "${state.name}" has already started.`);
    case 'completed':
      throw new DomainRuleViolation(`Sprint "${state.name}" is completed.`);
  }
};

const assertCarryOverTarget = (command: CompleteSprint) => {
  const target = command.carryOverTo;
  if (target === null) return;
  if (target.sprintId === command.sprintId) {
    throw new DomainRuleViolation(
      'Carry unfinished items over to another sprint, or to the backlog.',
      'carryOverTo',
    );
  }
  if (!target.sprint.exists) {
    throw new DomainRuleViolation(
      `There is no sprint ${target.sprintId} to carry the unfinished items over to.`,
      'carryOverTo',
    );
  }
  if (target.sprint.state === 'completed') {
    throw new DomainRuleViolation(
      `Sprint "${target.sprint.name}" is completed: carry the unfinished items over to a planned or active sprint.`,
      'carryOverTo',
    );
  }
};

const complete = (command: CompleteSprint, state: Sprint): SprintEvent[] => {
  assertSprintExists(state, command.sprintId);
  switch (state.state) {
    case 'planned':
      throw new DomainRuleViolation(`Sprint "${state.name}" has not started yet.`);
    case 'completed':
      throw new DomainRuleViolation(`Sprint "${state.name}" is already completed.`);
    case 'active':
      break;
  }
  assertCarryOverTarget(command);
  const items = command.items.filter(
    (item): item is ExistingBacklogItem => item.exists && item.sprintId === command.sprintId,
  );
  // Accepted work stays with the sprint (its velocity), even once released.
  const isAccepted = (item: ExistingBacklogItem) =>
    item.status === 'accepted' || item.status === 'released';
  return [
    {
      type: 'SprintCompleted',
      data: {
        sprintId: state.sprintId,
        acceptedItemIds: items.filter(isAccepted).map((item) => item.itemId),
        carriedOver: items
          .filter((item) => !isAccepted(item))
          .map((item) => ({ itemId: item.itemId, to: command.carryOverTo?.sprintId ?? null })),
        by: command.actor.id,
      },
    },
  ];
};

export const sprintDecider: Decider<SprintCommand, SprintEvent, Sprint> = {
  initialState: initialSprint,
  evolve: evolveSprint,
  decide: (command, state) => {
    assertStaff(command.actor);
    switch (command.type) {
      case 'CreateSprint':
        return create(command, state);
      case 'EditSprint':
        return edit(command, state);
      case 'StartSprint':
        return start(command, state);
      case 'CompleteSprint':
        return complete(command, state);
    }
  },
};
