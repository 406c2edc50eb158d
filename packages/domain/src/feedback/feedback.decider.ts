import { isStaff, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { evolveFeedback, initialFeedback, type Feedback } from './feedback';
import {
  BoardId,
  FeedbackDescription,
  FeedbackTitle,
  type FeedbackEdited,
  type FeedbackEvent,
} from './feedback.events';
import { DEFAULT_BOARD_ID, whyTransitionIsIllegal, type FeedbackStatus } from './feedback-status';
import type { z } from 'zod';

export type SubmitFeedback = {
  type: 'SubmitFeedback';
  feedbackId: string;
  title: string;
  description?: string;
  boardId?: string;
  actor: Actor;
};

export type EditFeedback = {
  type: 'EditFeedback';
  feedbackId: string;
  title?: string;
  description?: string;
  boardId?: string;
  actor: Actor;
};

export type ChangeFeedbackStatus = {
  type: 'ChangeFeedbackStatus';
  feedbackId: string;
  status: FeedbackStatus;
  actor: Actor;
};

export type FeedbackCommand = SubmitFeedback | EditFeedback | ChangeFeedbackStatus;

const valid = <T>(schema: z.ZodType<T>, value: unknown, field: string): T => {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DomainRuleViolation(result.error.issues[0]?.message ?? `${field} is invalid.`, field);
  }
  return result.data;
};

const assertFeedbackExists: (
  state: Feedback,
  feedbackId: string,
) => asserts state is Extract<Feedback, { exists: true }> = (state, feedbackId) => {
  if (!state.exists) throw new AggregateNotFound('Feedback', feedbackId);
};

const submit = (command: SubmitFeedback, state: Feedback): FeedbackEvent[] => {
  if (state.exists) {
    throw new DomainRuleViolation(`Feedback ${command.feedbackId} has already been submitted.`);
  }
  return [
    {
      type: 'FeedbackSubmitted',
      data: {
        feedbackId: command.feedbackId,
        title: valid(FeedbackTitle, command.title, 'title'),
        description: valid(FeedbackDescription, command.description ?? '', 'description'),
        boardId: valid(BoardId, command.boardId ?? DEFAULT_BOARD_ID, 'boardId'),
        authorId: command.actor.id,
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
    if (boardId !== state.boardId) changes.boardId = boardId;
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'FeedbackEdited',
      data: { feedbackId: command.feedbackId, ...changes, editedBy: command.actor.id },
    },
  ];
};

const changeStatus = (command: ChangeFeedbackStatus, state: Feedback): FeedbackEvent[] => {
  assertFeedbackExists(state, command.feedbackId);
  if (!isStaff(command.actor)) {
    throw new ActionForbidden('Only a teammate can change the status of feedback.');
  }
  if (command.status === state.status) return [];
  const why = whyTransitionIsIllegal(state.status, command.status);
  if (why) throw new DomainRuleViolation(why, 'status');
  return [
    {
      type: 'FeedbackStatusChanged',
      data: {
        feedbackId: command.feedbackId,
        from: state.status,
        to: command.status,
        changedBy: command.actor.id,
      },
    },
  ];
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
    }
  },
};

export const feedbackStreamId = (feedbackId: string): string => `feedback-${feedbackId}`;
