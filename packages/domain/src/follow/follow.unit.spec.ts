import type { Actor } from '../shared/actor';
import { AggregateNotFound } from '../shared/errors';
import { fold } from '../shared/decider';
import { feedbackDecider } from '../feedback/feedback.decider';
import type { Feedback } from '../feedback/feedback';
import {
  decideFollowing,
  evolveFollowing,
  followStreamId,
  type FollowEvent,
  type Following,
  type SetFollowing,
} from './follow';

const feedbackId = '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10';
const person: Actor = { id: 'user-person', role: 'customer' };
const feedback: Feedback = fold(feedbackDecider, [
  {
    type: 'FeedbackSubmitted',
    data: {
      feedbackId,
      title: 'Dark mode',
      description: '',
      boardId: 'general',
      authorId: 'someone',
      statusId: 'open',
      moderation: 'approved',
      source: 'app',
      capturedBy: null,
      quote: null,
    },
  },
]);
const data = { feedbackId, personId: person.id };
const followed: FollowEvent = { type: 'FeedbackFollowed', data };
const unfollowed: FollowEvent = { type: 'FeedbackUnfollowed', data };

const given = (events: FollowEvent[]) => ({
  when: (type: SetFollowing['type'], about: Feedback = feedback) =>
    decideFollowing(
      { type, feedbackId, actor: person },
      about,
      events.reduce<Following>(evolveFollowing, 'unset'),
    ),
});

describe('Follow', () => {
  it('follows', () => expect(given([]).when('Follow')).toEqual([followed]));

  it('records nothing when already following', () =>
    expect(given([followed]).when('Follow')).toEqual([]));

  it('follows again after an unfollow', () =>
    expect(given([followed, unfollowed]).when('Follow')).toEqual([followed]));

  it('cannot follow feedback that does not exist', () =>
    expect(() => given([]).when('Follow', { exists: false })).toThrow(AggregateNotFound));
});

describe('Unfollow', () => {
  it('unfollows an explicit follow', () =>
    expect(given([followed]).when('Unfollow')).toEqual([unfollowed]));

  it('records an unfollow without a prior follow, so authors and voters can opt out', () =>
    expect(given([]).when('Unfollow')).toEqual([unfollowed]));

  it('records nothing when already unfollowed', () =>
    expect(given([followed, unfollowed]).when('Unfollow')).toEqual([]));

  it('cannot unfollow feedback that does not exist', () =>
    expect(() => given([]).when('Unfollow', { exists: false })).toThrow(AggregateNotFound));
});

describe('following state', () => {
  it('is the last explicit choice', () => {
    expect(([] as FollowEvent[]).reduce<Following>(evolveFollowing, 'unset')).toBe('unset');
    expect([followed, unfollowed, followed].reduce<Following>(evolveFollowing, 'unset')).toBe(
      'following',
    );
    expect([followed, unfollowed].reduce<Following>(evolveFollowing, 'unset')).toBe('unfollowed');
  });

  it('lives in one stream per feedback and person', () => {
    expect(followStreamId(feedbackId, 'a')).toBe(`follow-${feedbackId}-a`);
    expect(followStreamId(feedbackId, 'a')).not.toBe(followStreamId(feedbackId, 'b'));
  });
});
