import { ballotDecider, ballotStreamId, type Ballot, type BallotCommand } from './ballot.decider';
import type { VoteEvent } from './vote.events';
import type { FeedbackEvent } from '../feedback/feedback.events';
import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import type { Actor } from '../shared/actor';

const feedbackId = '0d6d8b1c-9a51-4a43-8f0e-5b7a1f8b6a21';
const voter: Actor = { id: 'user-voter', role: 'customer' };
const submitted: FeedbackEvent = {
  type: 'FeedbackSubmitted',
  data: {
    feedbackId,
    title: 'Export to CSV',
    description: '',
    boardId: 'general',
    authorId: 'someone',
  },
};
const cast: VoteEvent = { type: 'VoteCast', data: { feedbackId, voterId: voter.id } };
const withdrawn: VoteEvent = { type: 'VoteWithdrawn', data: { feedbackId, voterId: voter.id } };
const closedAs = (to: 'done' | 'declined'): FeedbackEvent[] =>
  to === 'declined'
    ? [{ type: 'FeedbackStatusChanged', data: { feedbackId, from: 'open', to, changedBy: 'po' } }]
    : [
        {
          type: 'FeedbackStatusChanged',
          data: { feedbackId, from: 'open', to: 'planned', changedBy: 'po' },
        },
        {
          type: 'FeedbackStatusChanged',
          data: { feedbackId, from: 'planned', to: 'in_progress', changedBy: 'po' },
        },
        {
          type: 'FeedbackStatusChanged',
          data: { feedbackId, from: 'in_progress', to: 'done', changedBy: 'po' },
        },
      ];

const given = (events: readonly (FeedbackEvent | VoteEvent)[]) => ({
  when: (type: BallotCommand['type']) => () =>
    ballotDecider.decide(
      { type, feedbackId, actor: voter },
      events.reduce<Ballot>(ballotDecider.evolveWithFeedback, ballotDecider.initialState()),
    ),
});

describe('CastVote', () => {
  it('casts a first vote', () => expect(given([submitted]).when('CastVote')()).toEqual([cast]));

  it('is a no-op when the voter already voted', () =>
    expect(given([submitted, cast]).when('CastVote')()).toEqual([]));

  it('votes again after a withdrawal', () =>
    expect(given([submitted, cast, withdrawn]).when('CastVote')()).toEqual([cast]));

  it.each(['done', 'declined'] as const)('refuses votes on %s feedback with a reason', (status) =>
    expect(given([submitted, ...closedAs(status)]).when('CastVote')).toThrow(
      new DomainRuleViolation(`Voting is closed: this feedback is ${status}.`),
    ),
  );

  it('refuses a vote on feedback that does not exist', () =>
    expect(given([]).when('CastVote')).toThrow(AggregateNotFound));
});

describe('WithdrawVote', () => {
  it('withdraws a standing vote', () =>
    expect(given([submitted, cast]).when('WithdrawVote')()).toEqual([withdrawn]));

  it('is a no-op without a standing vote', () => {
    expect(given([submitted]).when('WithdrawVote')()).toEqual([]);
    expect(given([submitted, cast, withdrawn]).when('WithdrawVote')()).toEqual([]);
  });

  it('may withdraw after the feedback closed', () =>
    expect(given([submitted, cast, ...closedAs('done')]).when('WithdrawVote')()).toEqual([
      withdrawn,
    ]));
});

describe('ballotStreamId', () => {
  it('gives each voter their own stream per feedback, so a vote never folds other voters’ events', () => {
    expect(ballotStreamId(feedbackId, 'a')).not.toBe(ballotStreamId(feedbackId, 'b'));
    expect(ballotStreamId(feedbackId, 'a')).toBe(ballotStreamId(feedbackId, 'a'));
  });
});
