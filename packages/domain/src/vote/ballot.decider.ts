import { isStaff, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid } from '../shared/valid';
import {
  evolveFeedback,
  initialFeedback,
  whyVotingIsClosed,
  type Feedback,
} from '../feedback/feedback';
import type { OnBehalfOf } from '../feedback/feedback.decider';
import { CustomerQuote, FeedbackSource, type FeedbackEvent } from '../feedback/feedback.events';
import type { VoteEvent } from './vote.events';

/**
 * One voter's ballot on one feedback item. Its stream holds only that voter's votes, so deciding
 * a vote folds a handful of events however many votes the feedback has; the feedback's own
 * (short) stream is read beside it to know whether voting is still open.
 */
export type Ballot = { feedback: Feedback; voted: boolean };

/** With `onBehalfOf`, a teammate records the vote of a customer: the ballot is the customer's. */
export type CastVote = {
  type: 'CastVote';
  feedbackId: string;
  actor: Actor;
  onBehalfOf?: OnBehalfOf;
};
export type WithdrawVote = {
  type: 'WithdrawVote';
  feedbackId: string;
  actor: Actor;
  onBehalfOf?: Pick<OnBehalfOf, 'customerId'>;
};
export type BallotCommand = CastVote | WithdrawVote;

/** Whose ballot a command addresses: the customer's when a teammate acts for one. */
export const ballotVoterId = (command: BallotCommand): string =>
  command.onBehalfOf?.customerId ?? command.actor.id;

export const ballotDecider: Decider<BallotCommand, VoteEvent, Ballot> & {
  evolveWithFeedback: (state: Ballot, event: VoteEvent | FeedbackEvent) => Ballot;
} = {
  initialState: () => ({ feedback: initialFeedback(), voted: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'VoteCast':
        return { ...state, voted: true };
      case 'VoteWithdrawn':
        return { ...state, voted: false };
    }
  },
  evolveWithFeedback: (state, event) =>
    event.type === 'VoteCast' || event.type === 'VoteWithdrawn'
      ? ballotDecider.evolve(state, event)
      : { ...state, feedback: evolveFeedback(state.feedback, event) },
  decide: (command, state) => {
    if (!state.feedback.exists) throw new AggregateNotFound('Feedback', command.feedbackId);
    if (command.onBehalfOf && !isStaff(command.actor)) {
      throw new ActionForbidden('Only a teammate can vote on behalf of a customer.');
    }
    const data = { feedbackId: command.feedbackId, voterId: ballotVoterId(command) };
    switch (command.type) {
      case 'CastVote': {
        if (state.voted) return [];
        const why = whyVotingIsClosed(state.feedback);
        if (why) throw new DomainRuleViolation(why);
        const onBehalfOf = command.onBehalfOf;
        return [
          {
            type: 'VoteCast',
            data: {
              ...data,
              source: valid(FeedbackSource, onBehalfOf?.source ?? 'app', 'onBehalfOf.source'),
              capturedBy: onBehalfOf ? command.actor.id : null,
              quote: onBehalfOf?.quote
                ? valid(CustomerQuote, onBehalfOf.quote, 'onBehalfOf.quote') || null
                : null,
            },
          },
        ];
      }
      case 'WithdrawVote':
        return state.voted ? [{ type: 'VoteWithdrawn', data }] : [];
    }
  },
};

export const ballotStreamId = (feedbackId: string, voterId: string): string =>
  `ballot-${feedbackId}-${voterId}`;
