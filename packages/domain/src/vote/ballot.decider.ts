import type { Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { evolveFeedback, initialFeedback, type Feedback } from '../feedback/feedback';
import type { FeedbackEvent } from '../feedback/feedback.events';
import { feedbackStatusLabels, isVotingOpen } from '../feedback/feedback-status';
import type { VoteEvent } from './vote.events';

/**
 * One voter's ballot on one feedback item. Its stream holds only that voter's votes, so deciding
 * a vote folds a handful of events however many votes the feedback has; the feedback's own
 * (short) stream is read beside it to know whether voting is still open.
 */
export type Ballot = { feedback: Feedback; voted: boolean };

export type CastVote = { type: 'CastVote'; feedbackId: string; actor: Actor };
export type WithdrawVote = { type: 'WithdrawVote'; feedbackId: string; actor: Actor };
export type BallotCommand = CastVote | WithdrawVote;

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
    const data = { feedbackId: command.feedbackId, voterId: command.actor.id };
    switch (command.type) {
      case 'CastVote':
        if (state.voted) return [];
        if (!isVotingOpen(state.feedback.status)) {
          throw new DomainRuleViolation(
            `Voting is closed: this feedback is ${feedbackStatusLabels[state.feedback.status].toLowerCase()}.`,
          );
        }
        return [{ type: 'VoteCast', data }];
      case 'WithdrawVote':
        return state.voted ? [{ type: 'VoteWithdrawn', data }] : [];
    }
  },
};

export const ballotStreamId = (feedbackId: string, voterId: string): string =>
  `ballot-${feedbackId}-${voterId}`;
