import { isStaff, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid } from '../shared/valid';
import { findStatus, type Catalog } from '../catalog/catalog';
import { evolveFeedback, initialFeedback, type ExistingFeedback, type Feedback } from './feedback';
import {
  BoardId,
  CustomerQuote,
  FeedbackDescription,
  FeedbackSource,
  FeedbackTitle,
  RejectionReason,
  type FeedbackEdited,
  type FeedbackEvent,
} from './feedback.events';
import {
  DEFAULT_BOARD_ID,
  INITIAL_STATUS_ID,
  whyTransitionIsIllegal,
  type FeedbackSourceName,
  type FeedbackStatus,
} from './feedback-workflow';

/** A teammate recording feedback or a vote for a customer: who, through which channel, in their words. */
export type OnBehalfOf = { customerId: string; source: FeedbackSourceName; quote?: string };

export type SubmitFeedback = {
  type: 'SubmitFeedback';
  feedbackId: string;
  title: string;
  description?: string;
  boardId?: string;
  /** One of the board's categories. */
  categoryId?: string;
  /** Where it came from when nobody captured it for someone else (defaults to the app). */
  source?: FeedbackSourceName;
  onBehalfOf?: OnBehalfOf;
  catalog: Catalog;
  actor: Actor;
};

export type EditFeedback = {
  type: 'EditFeedback';
  feedbackId: string;
  title?: string;
  description?: string;
  boardId?: string;
  catalog: Catalog;
  actor: Actor;
};

export type ChangeFeedbackStatus = {
  type: 'ChangeFeedbackStatus';
  feedbackId: string;
  status: FeedbackStatus;
  catalog: Catalog;
  actor: Actor;
};

/**
 * A published release delivered this feedback: it moves to the workflow's first done status
 * whatever transitions the workflow allows, because shipping is a fact, not a triage choice.
 */
export type ShipFeedback = {
  type: 'ShipFeedback';
  feedbackId: string;
  catalog: Catalog;
  actor: Actor;
};

type Moderate<T extends string, Extra = object> = {
  type: T;
  feedbackId: string;
  actor: Actor;
} & Extra;
export type TagFeedback = Moderate<'TagFeedback', { tagId: string; catalog: Catalog }>;
export type CategoriseFeedback = Moderate<
  'CategoriseFeedback',
  { categoryId: string | null; catalog: Catalog }
>;
export type UntagFeedback = Moderate<'UntagFeedback', { tagId: string }>;
export type ApproveFeedback = Moderate<'ApproveFeedback'>;
export type RejectFeedback = Moderate<'RejectFeedback', { reason?: string }>;
export type MarkFeedbackSpam = Moderate<'MarkFeedbackSpam'>;
export type ClearFeedbackSpam = Moderate<'ClearFeedbackSpam'>;

export type FeedbackCommand =
  | SubmitFeedback
  | EditFeedback
  | ChangeFeedbackStatus
  | ShipFeedback
  | TagFeedback
  | UntagFeedback
  | CategoriseFeedback
  | ApproveFeedback
  | RejectFeedback
  | MarkFeedbackSpam
  | ClearFeedbackSpam;

export const assertFeedbackExists: (
  state: Feedback,
  feedbackId: string,
) => asserts state is ExistingFeedback = (state, feedbackId) => {
  if (!state.exists) throw new AggregateNotFound('Feedback', feedbackId);
};

const assertStaff = (actor: Actor, what: string) => {
  if (!isStaff(actor)) throw new ActionForbidden(`Only a teammate can ${what}.`);
};

const assertNotMerged = (state: ExistingFeedback) => {
  if (state.mergedInto) {
    throw new DomainRuleViolation(
      `This feedback is merged into ${state.mergedInto}; change that one, or unmerge this first.`,
    );
  }
};

const submit = (command: SubmitFeedback, state: Feedback): FeedbackEvent[] => {
  if (state.exists) {
    throw new DomainRuleViolation(`Feedback ${command.feedbackId} has already been submitted.`);
  }
  const boardId = valid(BoardId, command.boardId ?? DEFAULT_BOARD_ID, 'boardId');
  const board = command.catalog.boards.find((b) => b.id === boardId);
  if (!board) throw new DomainRuleViolation(`There is no board "${boardId}".`, 'boardId');
  const staff = isStaff(command.actor);
  if (board.visibility === 'private' && !staff) {
    throw new DomainRuleViolation(`Board "${board.name}" is private to the team.`, 'boardId');
  }
  const onBehalfOf = command.onBehalfOf;
  if (onBehalfOf && !staff) {
    throw new ActionForbidden('Only a teammate can submit feedback on behalf of a customer.');
  }
  const categoryId = command.categoryId ?? null;
  if (categoryId !== null && !board.categories.some((c) => c.id === categoryId)) {
    throw new DomainRuleViolation(
      `Board "${board.name}" has no category "${categoryId}".`,
      'categoryId',
    );
  }
  const initial = findStatus(command.catalog, INITIAL_STATUS_ID);
  return [
    {
      type: 'FeedbackSubmitted',
      data: {
        feedbackId: command.feedbackId,
        title: valid(FeedbackTitle, command.title, 'title'),
        description: valid(FeedbackDescription, command.description ?? '', 'description'),
        boardId,
        authorId: onBehalfOf?.customerId ?? command.actor.id,
        statusId: initial?.id ?? INITIAL_STATUS_ID,
        // A customer's own post on a moderated board waits; a teammate's (even for a customer) does not.
        moderation: board.requiresApproval && !staff ? 'pending' : 'approved',
        source: valid(
          FeedbackSource,
          onBehalfOf?.source ?? command.source ?? 'app',
          onBehalfOf ? 'onBehalfOf.source' : 'source',
        ),
        capturedBy: onBehalfOf ? command.actor.id : null,
        quote: onBehalfOf?.quote
          ? valid(CustomerQuote, onBehalfOf.quote, 'onBehalfOf.quote') || null
          : null,
        categoryId,
      },
    },
  ];
};

const edit = (command: EditFeedback, state: Feedback): FeedbackEvent[] => {
  assertFeedbackExists(state, command.feedbackId);
  if (command.actor.id !== state.authorId && !isStaff(command.actor)) {
    throw new ActionForbidden('Only the author or a teammate can edit this feedback.');
  }
  const changes: Omit<FeedbackEdited['data'], 'feedbackId' | 'editedBy'> = {};
  if (command.title !== undefined) {
    const title = valid(FeedbackTitle, command.title, 'title');
    if (title !== state.title) changes.title = title;
  }
  if (command.description !== undefined) {
    const description = valid(FeedbackDescription, command.description, 'description');
    if (description !== state.description) changes.description = description;
  }
  if (command.boardId !== undefined) {
    const boardId = valid(BoardId, command.boardId, 'boardId');
    const board = command.catalog.boards.find((b) => b.id === boardId);
    if (!board) throw new DomainRuleViolation(`There is no board "${boardId}".`, 'boardId');
    if (board.visibility === 'private' && !isStaff(command.actor)) {
      throw new DomainRuleViolation(`Board "${board.name}" is private to the team.`, 'boardId');
    }
    if (boardId !== state.boardId) changes.boardId = boardId;
  }
  if (Object.keys(changes).length === 0) return [];
  const edited: FeedbackEvent = {
    type: 'FeedbackEdited',
    data: { feedbackId: command.feedbackId, ...changes, editedBy: command.actor.id },
  };
  const newBoard = command.catalog.boards.find((b) => b.id === changes.boardId);
  // Moving to another board takes it out of a category that board does not have.
  const leavesCategory =
    newBoard !== undefined &&
    state.categoryId !== null &&
    !newBoard.categories.some((c) => c.id === state.categoryId);
  return leavesCategory
    ? [
        edited,
        {
          type: 'FeedbackCategorised',
          data: { feedbackId: command.feedbackId, by: command.actor.id, categoryId: null },
        },
      ]
    : [edited];
};

const changeStatus = (command: ChangeFeedbackStatus, state: Feedback): FeedbackEvent[] => {
  assertFeedbackExists(state, command.feedbackId);
  assertStaff(command.actor, 'change the status of feedback');
  assertNotMerged(state);
  if (command.status === state.status) return [];
  const why = whyTransitionIsIllegal(command.catalog.statuses, state.status, command.status);
  if (why) throw new DomainRuleViolation(why, 'status');
  const target = findStatus(command.catalog, command.status);
  if (!target) throw new DomainRuleViolation(`There is no status "${command.status}".`, 'status');
  return [
    {
      type: 'FeedbackStatusChanged',
      data: {
        feedbackId: command.feedbackId,
        from: state.status,
        to: target.id,
        toKind: target.kind,
        changedBy: command.actor.id,
      },
    },
  ];
};

const ship = (command: ShipFeedback, state: Feedback): FeedbackEvent[] => {
  assertFeedbackExists(state, command.feedbackId);
  assertStaff(command.actor, 'mark feedback as shipped');
  // A merged duplicate redirects to its survivor, which is what people see and follow.
  if (state.mergedInto || state.statusKind === 'done') return [];
  const done = command.catalog.statuses.find((s) => s.kind === 'done');
  if (!done) {
    throw new DomainRuleViolation(
      'The workflow has no status of the done kind to mark shipped feedback with; add one in settings.',
    );
  }
  return [
    {
      type: 'FeedbackStatusChanged',
      data: {
        feedbackId: command.feedbackId,
        from: state.status,
        to: done.id,
        toKind: done.kind,
        changedBy: command.actor.id,
      },
    },
  ];
};

const moderate = (
  command: Exclude<
    FeedbackCommand,
    SubmitFeedback | EditFeedback | ChangeFeedbackStatus | ShipFeedback
  >,
  state: Feedback,
): FeedbackEvent[] => {
  assertFeedbackExists(state, command.feedbackId);
  const base = { feedbackId: command.feedbackId, by: command.actor.id };
  switch (command.type) {
    case 'TagFeedback': {
      assertStaff(command.actor, 'tag feedback');
      if (!command.catalog.tags.some((t) => t.id === command.tagId)) {
        throw new DomainRuleViolation(`There is no tag "${command.tagId}".`, 'tagId');
      }
      if (state.tags.includes(command.tagId)) return [];
      return [{ type: 'FeedbackTagged', data: { ...base, tagId: command.tagId } }];
    }
    case 'CategoriseFeedback': {
      assertStaff(command.actor, 'file feedback under a category');
      const board = command.catalog.boards.find((b) => b.id === state.boardId);
      if (
        command.categoryId !== null &&
        !board?.categories.some((c) => c.id === command.categoryId)
      ) {
        throw new DomainRuleViolation(
          `Board "${board?.name ?? state.boardId}" has no category "${command.categoryId}".`,
          'categoryId',
        );
      }
      if (state.categoryId === command.categoryId) return [];
      return [{ type: 'FeedbackCategorised', data: { ...base, categoryId: command.categoryId } }];
    }
    case 'UntagFeedback':
      assertStaff(command.actor, 'untag feedback');
      if (!state.tags.includes(command.tagId)) return [];
      return [{ type: 'FeedbackUntagged', data: { ...base, tagId: command.tagId } }];
    case 'ApproveFeedback':
      assertStaff(command.actor, 'approve posts');
      if (state.moderation === 'approved') return [];
      return [{ type: 'FeedbackApproved', data: base }];
    case 'RejectFeedback':
      assertStaff(command.actor, 'reject posts');
      if (state.moderation === 'rejected') return [];
      if (state.moderation === 'approved') {
        throw new DomainRuleViolation(
          'Only pending posts can be rejected; mark published feedback as spam instead.',
        );
      }
      return [
        {
          type: 'FeedbackRejected',
          data: { ...base, reason: valid(RejectionReason, command.reason ?? '', 'reason') },
        },
      ];
    case 'MarkFeedbackSpam':
      assertStaff(command.actor, 'mark feedback as spam');
      if (state.spam) return [];
      return [{ type: 'FeedbackMarkedSpam', data: base }];
    case 'ClearFeedbackSpam':
      assertStaff(command.actor, 'clear the spam mark');
      if (!state.spam) return [];
      return [{ type: 'FeedbackSpamCleared', data: base }];
  }
};

export const feedbackDecider: Decider<FeedbackCommand, FeedbackEvent, Feedback> = {
  initialState: initialFeedback,
  evolve: evolveFeedback,
  decide: (command, state) => {
    switch (command.type) {
      case 'SubmitFeedback':
        return submit(command, state);
      case 'EditFeedback':
        return edit(command, state);
      case 'ChangeFeedbackStatus':
        return changeStatus(command, state);
      case 'ShipFeedback':
        return ship(command, state);
      case 'TagFeedback':
      case 'UntagFeedback':
      case 'CategoriseFeedback':
      case 'ApproveFeedback':
      case 'RejectFeedback':
      case 'MarkFeedbackSpam':
      case 'ClearFeedbackSpam':
        return moderate(command, state);
    }
  },
};

export const feedbackStreamId = (feedbackId: string): string => `feedback-${feedbackId}`;
