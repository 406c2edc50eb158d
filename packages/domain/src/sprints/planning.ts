import { isStaff, type Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid } from '../shared/valid';
import { whyNotReady, type BacklogItem, type BacklogItemStatus } from '../backlog/backlog-item';
import {
  BacklogItemRejectedV1,
  WorkState,
  workStates,
  type BacklogItemEvent,
} from '../backlog/backlog.events';
import type { ExistingSprint, Sprint } from './sprint';

/**
 * Planning decides on the ITEM's stream: an item is in at most one sprint, and two teammates
 * moving the same item conflict on its version. The sprint is read, never written.
 */
export type PlanItem = { type: 'PlanItem'; itemId: string; sprintId: string; actor: Actor };
export type UnplanItem = { type: 'UnplanItem'; itemId: string; sprintId: string; actor: Actor };
export type ChangeWorkState = { type: 'ChangeWorkState'; itemId: string; to: string; actor: Actor };
/** The Product Owner's verdict on a done item, against its acceptance criteria. */
export type AcceptItem = { type: 'AcceptItem'; itemId: string; actor: Actor };
export type RejectItem = { type: 'RejectItem'; itemId: string; reason?: string; actor: Actor };

export type PlanningCommand = PlanItem | UnplanItem | ChangeWorkState | AcceptItem | RejectItem;

/** When a sprint completes, an unfinished item goes back to the backlog or into `to`. */
export type CarryOver = {
  type: 'CarryOver';
  itemId: string;
  sprintId: string;
  to: string | null;
  actor: Actor;
};

type ExistingBacklogItem = Extract<BacklogItem, { exists: true }>;
type WorkStateName = (typeof workStates)[number];

const assertStaff = (actor: Actor) => {
  if (!isStaff(actor)) throw new ActionForbidden('Only a teammate can plan and track sprint work.');
};

const assertItemExists: (
  item: BacklogItem,
  itemId: string,
) => asserts item is ExistingBacklogItem = (item, itemId) => {
  if (!item.exists) throw new AggregateNotFound('Backlog item', itemId);
};

const isWorkState = (status: BacklogItemStatus): status is WorkStateName =>
  (workStates as readonly string[]).includes(status);

const isAccepted = (item: ExistingBacklogItem) =>
  item.status === 'accepted' || item.status === 'released';

const plan = (command: PlanItem, item: ExistingBacklogItem, sprint: Sprint): BacklogItemEvent[] => {
  if (!sprint.exists) throw new AggregateNotFound('Sprint', command.sprintId);
  if (sprint.state === 'completed') {
    throw new DomainRuleViolation(
      `Sprint "${sprint.name}" is completed: plan the item into a planned or active sprint.`,
    );
  }
  if (item.sprintId === command.sprintId) return [];
  if (item.kind === 'epic') {
    throw new DomainRuleViolation(
      `"${item.title}" is an epic, too big for a sprint: plan its stories instead.`,
      'itemId',
    );
  }
  if (isAccepted(item)) {
    throw new DomainRuleViolation(`"${item.title}" is already ${item.status}.`, 'itemId');
  }
  if (item.sprintId !== null) {
    throw new DomainRuleViolation(
      `"${item.title}" is already in another sprint: take it out of that one first.`,
      'itemId',
    );
  }
  const notReady = whyNotReady(item);
  if (notReady) throw new DomainRuleViolation(notReady, 'itemId');
  return [
    {
      type: 'BacklogItemPlanned',
      data: { itemId: item.itemId, sprintId: command.sprintId, by: command.actor.id },
    },
  ];
};

const unplan = (
  command: UnplanItem,
  item: ExistingBacklogItem,
  sprint: Sprint,
): BacklogItemEvent[] => {
  if (!sprint.exists) throw new AggregateNotFound('Sprint', command.sprintId);
  if (item.sprintId !== command.sprintId) {
    throw new DomainRuleViolation(`"${item.title}" is not in this sprint.`, 'itemId');
  }
  if (isAccepted(item)) {
    throw new DomainRuleViolation(
      `"${item.title}" was accepted: it stays with the sprint as finished work.`,
      'itemId',
    );
  }
  return [
    {
      type: 'BacklogItemUnplanned',
      data: {
        itemId: item.itemId,
        sprintId: command.sprintId,
        reason: 'removed',
        by: command.actor.id,
      },
    },
  ];
};

/** The sprint an item is worked on in, which must be under way. */
const activeSprintOf = (item: ExistingBacklogItem, sprint: Sprint): ExistingSprint => {
  if (item.sprintId === null || !sprint.exists || sprint.sprintId !== item.sprintId) {
    throw new DomainRuleViolation(`"${item.title}" is not in a sprint: plan it into one first.`);
  }
  switch (sprint.state) {
    case 'active':
      return sprint;
    case 'planned':
      throw new DomainRuleViolation(
        `Sprint "${sprint.name}" has not started: start it before working on its items.`,
      );
    case 'completed':
      throw new DomainRuleViolation(`Sprint "${sprint.name}" is completed.`);
  }
};

const changeWorkState = (
  command: ChangeWorkState,
  item: ExistingBacklogItem,
  sprint: Sprint,
): BacklogItemEvent[] => {
  const to = valid(WorkState, command.to, 'to');
  const { sprintId } = activeSprintOf(item, sprint);
  if (!isWorkState(item.status)) {
    throw new DomainRuleViolation(`"${item.title}" is ${item.status}: its work is over.`);
  }
  if (item.status === to) return [];
  return [
    {
      type: 'BacklogItemWorkStateChanged',
      data: { itemId: item.itemId, sprintId, from: item.status, to, by: command.actor.id },
    },
  ];
};

const describeCriterion = (c: { given: string; when: string; then: string }) =>
  `given ${c.given}, when ${c.when}, then ${c.then}`;

/** Only a done item is judged; a verdict names the sprint it was done in. */
const assertDone = (item: ExistingBacklogItem, verdict: 'accepted' | 'rejected'): string => {
  if (item.status !== 'done' || item.sprintId === null) {
    throw new DomainRuleViolation(
      `"${item.title}" is not done yet: only done items can be ${verdict}.`,
    );
  }
  return item.sprintId;
};

const accept = (command: AcceptItem, item: ExistingBacklogItem): BacklogItemEvent[] => {
  if (isAccepted(item)) return [];
  const sprintId = assertDone(item, 'accepted');
  if (item.acceptanceCriteria.length === 0) {
    throw new DomainRuleViolation(
      `"${item.title}" has no acceptance criteria to accept it against.`,
      'acceptanceCriteria',
    );
  }
  const unmet = item.acceptanceCriteria.filter((c) => !c.met);
  if (unmet.length > 0) {
    throw new DomainRuleViolation(
      `"${item.title}" cannot be accepted until every acceptance criterion is met. Not met: ${unmet
        .map(describeCriterion)
        .join('; ')}.`,
      'acceptanceCriteria',
    );
  }
  if (item.estimate === null) {
    throw new DomainRuleViolation(
      `"${item.title}" needs an estimate before it is accepted: the sprint's velocity counts it.`,
      'estimate',
    );
  }
  return [
    {
      type: 'BacklogItemAccepted',
      data: { itemId: item.itemId, sprintId, points: item.estimate, by: command.actor.id },
    },
  ];
};

const reject = (command: RejectItem, item: ExistingBacklogItem): BacklogItemEvent[] => {
  const sprintId = assertDone(item, 'rejected');
  return [
    {
      type: 'BacklogItemRejected',
      data: {
        itemId: item.itemId,
        sprintId,
        reason: valid(BacklogItemRejectedV1.schema.shape.reason, command.reason ?? '', 'reason'),
        by: command.actor.id,
      },
    },
  ];
};

/**
 * Decides a planning command on an item. `sprint` is the sprint the command names (PlanItem,
 * UnplanItem) or the sprint the item is in (ChangeWorkState); acceptance needs only the item.
 */
export const decidePlanning = (
  command: PlanningCommand,
  item: BacklogItem,
  sprint: Sprint,
): BacklogItemEvent[] => {
  assertStaff(command.actor);
  assertItemExists(item, command.itemId);
  switch (command.type) {
    case 'PlanItem':
      return plan(command, item, sprint);
    case 'UnplanItem':
      return unplan(command, item, sprint);
    case 'ChangeWorkState':
      return changeWorkState(command, item, sprint);
    case 'AcceptItem':
      return accept(command, item);
    case 'RejectItem':
      return reject(command, item);
  }
};

/**
 * The item's part of completing a sprint: out of it, and into the next sprint if one is given.
 * An item no longer in the sprint, or accepted in it, is left alone.
 */
export const decideCarryOver = (command: CarryOver, item: BacklogItem): BacklogItemEvent[] => {
  assertStaff(command.actor);
  if (!item.exists || item.sprintId !== command.sprintId || isAccepted(item)) return [];
  const by = command.actor.id;
  const unplanned: BacklogItemEvent = {
    type: 'BacklogItemUnplanned',
    data: { itemId: item.itemId, sprintId: command.sprintId, reason: 'carried_over', by },
  };
  return command.to === null
    ? [unplanned]
    : [
        unplanned,
        { type: 'BacklogItemPlanned', data: { itemId: item.itemId, sprintId: command.to, by } },
      ];
};
