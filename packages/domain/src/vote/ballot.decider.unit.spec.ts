import {
  ballotDecider,
  ballotStreamId,
  ballotVoterId,
  type Ballot,
  type BallotCommand,
} from './ballot.decider';
import type { VoteEvent } from './vote.events';
import type { FeedbackEvent } from '../feedback/feedback.events';
import type { StatusKind } from '../feedback/feedback-workflow';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import type { Actor } from '../shared/actor';

const feedbackId = '0d6d8b1c-9a51-4a43-8f0e-5b7a1f8b6a21';
const otherId = '2c9e1f4a-6b3d-4e8f-9a1b-3c5d7e9f1a2b';
const voter: Actor = { id: 'user-voter', role: 'customer' };
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const customerId = 'customer-7';
const submitted: FeedbackEvent = {
  type: 'FeedbackSubmitted',
  data: {
    feedbackId,
    title: 'Export to CSV',
    description: '',
    boardId: 'general',
    authorId: 'someone',
    statusId: 'open',
    moderation: 'approved',
    source: 'app',
    capturedBy: null,
    quote: null,
  },
};
const cast: VoteEvent = {
  type: 'VoteCast',
  data: { feedbackId, voterId: voter.id, source: 'app', capturedBy: null, quote: null },
};
const withdrawn: VoteEvent = { type: 'VoteWithdrawn', data: { feedbackId, voterId: voter.id } };
const moved = (from: string, to: string, toKind?: StatusKind): FeedbackEvent => ({
  type: 'FeedbackStatusChanged',
  data: { feedbackId, from, to, ...(toKind ? { toKind } : {}), changedBy: 'po' },
});
const closedAs = (to: 'done' | 'declined'): FeedbackEvent[] =>
  to === 'declined'
    ? [moved('open', 'declined', 'closed')]
    : [
        moved('open', 'planned', 'active'),
        moved('planned', 'in_progress', 'active'),
        moved('in_progress', 'done', 'done'),
      ];
const by = { feedbackId, by: teammate.id };

const stateOf = (events: readonly (FeedbackEvent | VoteEvent)[]): Ballot =>
  events.reduce<Ballot>(ballotDecider.evolveWithFeedback, ballotDecider.initialState());
const given = (events: readonly (FeedbackEvent | VoteEvent)[]) => ({
  when:
    (type: BallotCommand['type'], extra: Partial<BallotCommand> = {}) =>
    () =>
      ballotDecider.decide(
        { type, feedbackId, actor: voter, ...extra } as BallotCommand,
        stateOf(events),
      ),
});

describe('CastVote', () => {
  it('casts a first vote, from the app, captured by nobody', () =>
    expect(given([submitted]).when('CastVote')()).toEqual([cast]));

  it('is a no-op when the voter already voted', () =>
    expect(given([submitted, cast]).when('CastVote')()).toEqual([]));

  it('votes again after a withdrawal', () =>
    expect(given([submitted, cast, withdrawn]).when('CastVote')()).toEqual([cast]));

  it.each([
    ['done', 'done'],
    ['declined', 'closed'],
  ] as const)('refuses votes on %s feedback with a reason', (status, kind) =>
    expect(given([submitted, ...closedAs(status)]).when('CastVote')).toThrow(
      new DomainRuleViolation(`Voting is closed: this feedback is ${kind}.`),
    ),
  );

  it('takes the kind of v1 status changes from the default workflow', () =>
    expect(
      given([
        submitted,
        moved('open', 'planned'),
        moved('planned', 'in_progress'),
        moved('in_progress', 'done'),
      ]).when('CastVote'),
    ).toThrow(new DomainRuleViolation('Voting is closed: this feedback is done.')));

  it('refuses votes on feedback in a custom status of kind done, and accepts them in an active one', () => {
    expect(
      given([submitted, moved('open', 'beta', 'active'), moved('beta', 'shipped', 'done')]).when(
        'CastVote',
      ),
    ).toThrow(new DomainRuleViolation('Voting is closed: this feedback is done.'));
    expect(given([submitted, moved('open', 'beta', 'active')]).when('CastVote')()).toEqual([cast]);
  });

  it('refuses votes on merged feedback, pointing to where it went', () =>
    expect(
      given([submitted, { type: 'FeedbackMerged', data: { ...by, intoId: otherId } }]).when(
        'CastVote',
      ),
    ).toThrow(
      new DomainRuleViolation(`This feedback was merged into ${otherId}; vote there instead.`),
    ));

  it('accepts votes again once unmerged', () =>
    expect(
      given([
        submitted,
        { type: 'FeedbackMerged', data: { ...by, intoId: otherId } },
        { type: 'FeedbackUnmerged', data: { ...by, fromId: otherId } },
      ]).when('CastVote')(),
    ).toEqual([cast]));

  it('refuses votes on spam and on rejected posts', () => {
    expect(given([submitted, { type: 'FeedbackMarkedSpam', data: by }]).when('CastVote')).toThrow(
      new DomainRuleViolation('This feedback was marked as spam.'),
    );
    expect(
      given([
        { ...submitted, data: { ...submitted.data, moderation: 'pending' } },
        { type: 'FeedbackRejected', data: { ...by, reason: '' } },
      ]).when('CastVote'),
    ).toThrow(new DomainRuleViolation('This feedback was rejected by a moderator.'));
  });

  it('refuses a vote on feedback that does not exist', () =>
    expect(given([]).when('CastVote')).toThrow(AggregateNotFound));

  describe('on behalf of a customer', () => {
    it('casts the customer’s vote, recording the teammate, the channel and the trimmed quote', () =>
      expect(
        given([submitted]).when('CastVote', {
          actor: teammate,
          onBehalfOf: { customerId, source: 'support_ticket', quote: ' Blocks our rollout. ' },
        })(),
      ).toEqual([
        {
          type: 'VoteCast',
          data: {
            feedbackId,
            voterId: customerId,
            source: 'support_ticket',
            capturedBy: teammate.id,
            quote: 'Blocks our rollout.',
          },
        },
      ]));

    it('records no quote when it is blank', () =>
      expect(
        given([submitted]).when('CastVote', {
          actor: teammate,
          onBehalfOf: { customerId, source: 'email', quote: '  ' },
        })(),
      ).toEqual([
        {
          type: 'VoteCast',
          data: {
            feedbackId,
            voterId: customerId,
            source: 'email',
            capturedBy: teammate.id,
            quote: null,
          },
        },
      ]));

    it('is for teammates only', () =>
      expect(
        given([submitted]).when('CastVote', { onBehalfOf: { customerId, source: 'email' } }),
      ).toThrow(ActionForbidden));

    it('refuses an unknown channel and a quote over 2,000 characters', () => {
      expect(
        given([submitted]).when('CastVote', {
          actor: teammate,
          onBehalfOf: { customerId, source: 'fax' as 'email' },
        }),
      ).toThrow(DomainRuleViolation);
      expect(
        given([submitted]).when('CastVote', {
          actor: teammate,
          onBehalfOf: { customerId, source: 'email', quote: 'x'.repeat(2_001) },
        }),
      ).toThrow(/at most 2,000/);
    });

    it('still refuses votes where voting is closed', () =>
      expect(
        given([submitted, ...closedAs('done')]).when('CastVote', {
          actor: teammate,
          onBehalfOf: { customerId, source: 'email' },
        }),
      ).toThrow(DomainRuleViolation));
  });
});

describe('WithdrawVote', () => {
  it('withdraws a standing vote', () =>
    expect(given([submitted, cast]).when('WithdrawVote')()).toEqual([withdrawn]));

  it('is a no-op without a standing vote', () => {
    expect(given([submitted]).when('WithdrawVote')()).toEqual([]);
    expect(given([submitted, cast, withdrawn]).when('WithdrawVote')()).toEqual([]);
  });

  it('may withdraw after the feedback closed or was merged', () => {
    expect(given([submitted, cast, ...closedAs('done')]).when('WithdrawVote')()).toEqual([
      withdrawn,
    ]);
    expect(
      given([submitted, cast, { type: 'FeedbackMerged', data: { ...by, intoId: otherId } }]).when(
        'WithdrawVote',
      )(),
    ).toEqual([withdrawn]);
  });

  it('lets a teammate withdraw a customer’s vote, and only a teammate', () => {
    const customerVote: VoteEvent = {
      type: 'VoteCast',
      data: {
        feedbackId,
        voterId: customerId,
        source: 'email',
        capturedBy: teammate.id,
        quote: null,
      },
    };
    expect(
      given([submitted, customerVote]).when('WithdrawVote', {
        actor: teammate,
        onBehalfOf: { customerId },
      })(),
    ).toEqual([{ type: 'VoteWithdrawn', data: { feedbackId, voterId: customerId } }]);
    expect(
      given([submitted, customerVote]).when('WithdrawVote', { onBehalfOf: { customerId } }),
    ).toThrow(ActionForbidden);
  });

  it('refuses to withdraw from feedback that does not exist', () =>
    expect(given([]).when('WithdrawVote')).toThrow(AggregateNotFound));
});

describe('ballotVoterId', () => {
  it('is the actor’s own ballot, or the customer’s when a teammate acts for one', () => {
    expect(ballotVoterId({ type: 'CastVote', feedbackId, actor: voter })).toBe(voter.id);
    expect(
      ballotVoterId({
        type: 'CastVote',
        feedbackId,
        actor: teammate,
        onBehalfOf: { customerId, source: 'email' },
      }),
    ).toBe(customerId);
    expect(
      ballotVoterId({
        type: 'WithdrawVote',
        feedbackId,
        actor: teammate,
        onBehalfOf: { customerId },
      }),
    ).toBe(customerId);
  });
});

describe('ballotStreamId', () => {
  it('gives each voter their own stream per feedback, so a vote never folds other voters’ events', () => {
    expect(ballotStreamId(feedbackId, 'a')).not.toBe(ballotStreamId(feedbackId, 'b'));
    expect(ballotStreamId(feedbackId, 'a')).toBe(ballotStreamId(feedbackId, 'a'));
  });
});
