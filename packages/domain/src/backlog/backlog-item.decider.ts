import { z } from 'zod';
import { isStaff, type Actor } from '../shared/actor';
import { changedFields } from '../shared/changes';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid, validIfGiven } from '../shared/valid';
import type { Feedback } from '../feedback/feedback';
import { evolveBacklogItem, initialBacklogItem, type BacklogItem } from './backlog-item';
import {
  AcceptanceCriteria,
  BacklogDescription,
  BacklogItemKind,
  BacklogTitle,
  Estimate,
  Labels,
  Rank,
  type BacklogItemEvent,
} from './backlog.events';

type ExistingItem = Extract<BacklogItem, { exists: true }>;
type Kind = ExistingItem['kind'];
type EditableFields = Pick<
  ExistingItem,
  'title' | 'description' | 'estimate' | 'labels' | 'ownerId' | 'parentId'
>;

/** A criterion as written in the editor; the API gives new ones their ids. */
export type CriterionDraft = { id: string; given: string; when: string; then: string };

/** What deciding needs to know about an initiative; folded from its stream by the caller. */
export type InitiativeFacts = { exists: boolean; archived: boolean };

/**
 * The folded feedback a command links, by id, together with the item each merged one now lives
 * in, so a refusal can name it.
 */
export type LinkableFeedback = Readonly<Record<string, Feedback>>;

export type CreateBacklogItem = {
  type: 'CreateBacklogItem';
  itemId: string;
  kind: Kind;
  parentId?: string | null;
  /** The parent's folded state, when `parentId` is given. */
  parent?: BacklogItem;
  title: string;
  description?: string;
  acceptanceCriteria?: CriterionDraft[];
  estimate?: number | null;
  labels?: string[];
  ownerId?: string | null;
  /** Whether `ownerId` is a teammate of the workspace; the API looks it up. */
  ownerIsTeammate?: boolean;
  /** Computed by the API from its neighbours with `rankBetween`. */
  rank: string;
  feedbackIds?: string[];
  feedback?: LinkableFeedback;
  actor: Actor;
};

export type EditBacklogItem = {
  type: 'EditBacklogItem';
  itemId: string;
  title?: string;
  description?: string;
  estimate?: number | null;
  labels?: string[];
  ownerId?: string | null;
  ownerIsTeammate?: boolean;
  parentId?: string | null;
  parent?: BacklogItem;
  actor: Actor;
};

/** The whole ordered list: criteria kept (by id) keep whether they are met; new ones are not. */
export type ChangeAcceptanceCriteria = {
  type: 'ChangeAcceptanceCriteria';
  itemId: string;
  criteria: CriterionDraft[];
  actor: Actor;
};

export type CheckAcceptanceCriterion = {
  type: 'CheckAcceptanceCriterion';
  itemId: string;
  criterionId: string;
  met: boolean;
  actor: Actor;
};

export type RankBacklogItem = {
  type: 'RankBacklogItem';
  itemId: string;
  rank: string;
  actor: Actor;
};

export type LinkFeedback = {
  type: 'LinkFeedback';
  itemId: string;
  feedbackId: string;
  feedback: LinkableFeedback;
  actor: Actor;
};

export type UnlinkFeedback = {
  type: 'UnlinkFeedback';
  itemId: string;
  feedbackId: string;
  actor: Actor;
};

export type SetInitiative = {
  type: 'SetInitiative';
  itemId: string;
  initiativeId: string | null;
  /** Required unless `initiativeId` is null. */
  initiative?: InitiativeFacts;
  actor: Actor;
};

export type BacklogItemCommand =
  | CreateBacklogItem
  | EditBacklogItem
  | ChangeAcceptanceCriteria
  | CheckAcceptanceCriterion
  | RankBacklogItem
  | LinkFeedback
  | UnlinkFeedback
  | SetInitiative;

const assertTeammate = (actor: Actor) => {
  if (!isStaff(actor)) throw new ActionForbidden('Only a teammate can change the backlog.');
};

const assertItemExists: (state: BacklogItem, itemId: string) => asserts state is ExistingItem = (
  state,
  itemId,
) => {
  if (!state.exists) throw new AggregateNotFound('Backlog item', itemId);
};

const OwnerId = z.string().min(1, 'An owner is the id of a teammate.').nullable();

/** An item's owner is a teammate of its workspace, or nobody. */
const validOwner = (ownerId: string | null, isTeammate: boolean | undefined) => {
  const owner = valid(OwnerId, ownerId, 'ownerId');
  if (owner !== null && isTeammate !== true) {
    throw new DomainRuleViolation(
      `The owner must be a teammate of this workspace; ${owner} is not.`,
      'ownerId',
    );
  }
  return owner;
};

const parentKind: Record<Kind, Kind | null> = { epic: null, story: 'epic', task: 'story' };

/** An epic sits at the top; a story may belong to an epic and a task to a story. */
const validParent = (
  kind: Kind,
  parentId: string | null,
  parent: BacklogItem | undefined,
): string | null => {
  if (parentId === null) return null;
  const expected = parentKind[kind];
  if (expected === null) {
    throw new DomainRuleViolation(
      'An epic sits at the top of the backlog: it cannot have a parent.',
      'parentId',
    );
  }
  if (!parent?.exists || parent.itemId !== parentId) {
    throw new DomainRuleViolation(
      `There is no ${expected} ${parentId} in this workspace to put this ${kind} under.`,
      'parentId',
    );
  }
  if (parent.kind !== expected) {
    throw new DomainRuleViolation(
      `A ${kind} belongs to ${expected === 'epic' ? 'an epic' : 'a story'}, but "${parent.title}" is ${parent.kind === 'epic' ? 'an epic' : `a ${parent.kind}`}.`,
      'parentId',
    );
  }
  return parentId;
};

/** Labels as given, each once. */
const validLabels = (labels: readonly string[], field: string) => [
  ...new Set(valid(Labels, labels, field)),
];

/** Criteria as written, each keeping `met` from `current` when its id is already there. */
const validCriteria = (
  criteria: readonly CriterionDraft[],
  current: ExistingItem['acceptanceCriteria'],
  field: string,
) => {
  const ids = criteria.map((c) => c.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) {
    throw new DomainRuleViolation(
      `Criterion ${repeated} appears twice; each criterion is listed once.`,
      field,
    );
  }
  const met = new Map(current.map((c) => [c.id, c.met]));
  const result = AcceptanceCriteria.safeParse(
    criteria.map(({ id, given, when, then }) => ({
      id,
      given,
      when,
      then,
      met: met.get(id) ?? false,
    })),
  );
  if (!result.success) {
    const issue = result.error.issues[0];
    // Name the criterion and the part at fault, e.g. `criteria.2.then`.
    throw new DomainRuleViolation(
      issue?.message ?? 'The acceptance criteria are invalid.',
      [field, ...(issue?.path ?? [])].map(String).join('.'),
    );
  }
  return result.data;
};

/** Null when the feedback can be linked, otherwise a sentence that says why not. */
const whyFeedbackCannotBeLinked = (
  feedbackId: string,
  feedback: LinkableFeedback,
): string | null => {
  const target = feedback[feedbackId];
  if (!target?.exists) return `There is no feedback ${feedbackId} in this workspace.`;
  if (target.mergedInto === null) return null;
  const survivor = feedback[target.mergedInto];
  const named = survivor?.exists ? `"${survivor.title}" (${target.mergedInto})` : target.mergedInto;
  return `"${target.title}" was merged into ${named}; link that one instead.`;
};

const linked = (itemId: string, feedbackId: string, actor: Actor): BacklogItemEvent => ({
  type: 'FeedbackLinkedToBacklogItem',
  data: { itemId, feedbackId, by: actor.id },
});

const create = (command: CreateBacklogItem, state: BacklogItem): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  if (state.exists) {
    throw new DomainRuleViolation(`Backlog item ${command.itemId} already exists.`);
  }
  const kind = valid(BacklogItemKind, command.kind, 'kind');
  const feedbackIds = [...new Set(command.feedbackIds ?? [])];
  feedbackIds.forEach((feedbackId, index) => {
    const why = whyFeedbackCannotBeLinked(feedbackId, command.feedback ?? {});
    if (why) throw new DomainRuleViolation(why, `feedbackIds.${index}`);
  });
  return [
    {
      type: 'BacklogItemCreated',
      data: {
        itemId: command.itemId,
        kind,
        parentId: validParent(kind, command.parentId ?? null, command.parent),
        title: valid(BacklogTitle, command.title, 'title'),
        description: valid(BacklogDescription, command.description ?? '', 'description'),
        acceptanceCriteria: validCriteria(
          command.acceptanceCriteria ?? [],
          [],
          'acceptanceCriteria',
        ),
        estimate: valid(Estimate.nullable(), command.estimate ?? null, 'estimate'),
        labels: validLabels(command.labels ?? [], 'labels'),
        ownerId: validOwner(command.ownerId ?? null, command.ownerIsTeammate),
        rank: valid(Rank, command.rank, 'rank'),
        createdBy: command.actor.id,
      },
    },
    ...feedbackIds.map((feedbackId) => linked(command.itemId, feedbackId, command.actor)),
  ];
};

const edit = (command: EditBacklogItem, state: BacklogItem): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  assertItemExists(state, command.itemId);
  const requested: Partial<EditableFields> = {
    title: validIfGiven(BacklogTitle, command.title, 'title'),
    description: validIfGiven(BacklogDescription, command.description, 'description'),
    estimate: validIfGiven(Estimate.nullable(), command.estimate, 'estimate'),
    labels: command.labels === undefined ? undefined : validLabels(command.labels, 'labels'),
    ownerId: validIfGiven(OwnerId, command.ownerId, 'ownerId'),
    parentId: command.parentId,
  };
  const changes = changedFields<EditableFields>(state, requested);
  if (changes.parentId !== undefined) {
    validParent(state.kind, changes.parentId, command.parent);
  }
  if (changes.ownerId !== undefined) validOwner(changes.ownerId, command.ownerIsTeammate);
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'BacklogItemEdited',
      data: { itemId: command.itemId, ...changes, by: command.actor.id },
    },
  ];
};

const changeCriteria = (
  command: ChangeAcceptanceCriteria,
  state: BacklogItem,
): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  assertItemExists(state, command.itemId);
  const criteria = validCriteria(command.criteria, state.acceptanceCriteria, 'criteria');
  if (changedFields(state, { acceptanceCriteria: criteria }).acceptanceCriteria === undefined) {
    return [];
  }
  return [
    {
      type: 'AcceptanceCriteriaChanged',
      data: { itemId: command.itemId, criteria, by: command.actor.id },
    },
  ];
};

const checkCriterion = (
  command: CheckAcceptanceCriterion,
  state: BacklogItem,
): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  assertItemExists(state, command.itemId);
  const criterion = state.acceptanceCriteria.find((c) => c.id === command.criterionId);
  if (!criterion) {
    throw new DomainRuleViolation(
      `"${state.title}" has no acceptance criterion ${command.criterionId}.`,
      'criterionId',
    );
  }
  if (criterion.met === command.met) return [];
  return [
    {
      type: 'AcceptanceCriterionChecked',
      data: {
        itemId: command.itemId,
        criterionId: command.criterionId,
        met: command.met,
        by: command.actor.id,
      },
    },
  ];
};

const rank = (command: RankBacklogItem, state: BacklogItem): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  assertItemExists(state, command.itemId);
  const newRank = valid(Rank, command.rank, 'rank');
  if (newRank === state.rank) return [];
  return [
    {
      type: 'BacklogItemRanked',
      data: { itemId: command.itemId, rank: newRank, by: command.actor.id },
    },
  ];
};

const link = (command: LinkFeedback, state: BacklogItem): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  assertItemExists(state, command.itemId);
  if (state.feedbackIds.includes(command.feedbackId)) return [];
  const why = whyFeedbackCannotBeLinked(command.feedbackId, command.feedback);
  if (why) throw new DomainRuleViolation(why, 'feedbackId');
  return [linked(command.itemId, command.feedbackId, command.actor)];
};

const unlink = (command: UnlinkFeedback, state: BacklogItem): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  assertItemExists(state, command.itemId);
  if (!state.feedbackIds.includes(command.feedbackId)) return [];
  return [
    {
      type: 'FeedbackUnlinkedFromBacklogItem',
      data: { itemId: command.itemId, feedbackId: command.feedbackId, by: command.actor.id },
    },
  ];
};

const setInitiative = (command: SetInitiative, state: BacklogItem): BacklogItemEvent[] => {
  assertTeammate(command.actor);
  assertItemExists(state, command.itemId);
  if (command.initiativeId === state.initiativeId) return [];
  if (command.initiativeId !== null) {
    if (!command.initiative?.exists) {
      throw new DomainRuleViolation(
        `There is no initiative ${command.initiativeId} in this workspace.`,
        'initiativeId',
      );
    }
    if (command.initiative.archived) {
      throw new DomainRuleViolation(
        'That initiative is archived: pick one that is still on the roadmap.',
        'initiativeId',
      );
    }
  }
  return [
    {
      type: 'BacklogItemInitiativeSet',
      data: { itemId: command.itemId, initiativeId: command.initiativeId, by: command.actor.id },
    },
  ];
};

export const backlogItemDecider: Decider<BacklogItemCommand, BacklogItemEvent, BacklogItem> = {
  initialState: initialBacklogItem,
  evolve: evolveBacklogItem,
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateBacklogItem':
        return create(command, state);
      case 'EditBacklogItem':
        return edit(command, state);
      case 'ChangeAcceptanceCriteria':
        return changeCriteria(command, state);
      case 'CheckAcceptanceCriterion':
        return checkCriterion(command, state);
      case 'RankBacklogItem':
        return rank(command, state);
      case 'LinkFeedback':
        return link(command, state);
      case 'UnlinkFeedback':
        return unlink(command, state);
      case 'SetInitiative':
        return setInitiative(command, state);
    }
  },
};
