import type { Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { fold } from '../shared/decider';
import { feedbackDecider } from '../feedback/feedback.decider';
import type { Feedback } from '../feedback/feedback';
import {
  commentStreamId,
  decideDeleteComment,
  decideEditComment,
  decidePostComment,
  evolveComment,
  initialComment,
  type Comment,
  type PostComment,
} from './comment.decider';
import type { CommentEvent } from './comment.events';

const feedbackId = '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10';
const otherFeedbackId = '2c9e1f4a-6b3d-4e8f-9a1b-3c5d7e9f1a2b';
const commentId = 'a1b2c3d4-1111-4111-8111-111111111111';
const parentId = 'b2c3d4e5-2222-4222-8222-222222222222';
const replyId = 'c3d4e5f6-3333-4333-8333-333333333333';
const customer: Actor = { id: 'user-customer', role: 'customer' };
const stranger: Actor = { id: 'user-stranger', role: 'customer' };
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const colleague: Actor = { id: 'user-colleague', role: 'admin' };

const feedback: Feedback = fold(feedbackDecider, [
  {
    type: 'FeedbackSubmitted',
    data: {
      feedbackId,
      title: 'Dark mode',
      description: '',
      boardId: 'general',
      authorId: customer.id,
      statusId: 'open',
      moderation: 'approved',
      source: 'app',
      capturedBy: null,
      quote: null,
    },
  },
]);

const posted = (
  over: Partial<Extract<CommentEvent, { type: 'CommentPosted' }>['data']> = {},
): CommentEvent => ({
  type: 'CommentPosted',
  data: {
    commentId,
    feedbackId,
    parentId: null,
    authorId: customer.id,
    byStaff: false,
    visibility: 'public',
    body: 'Same here!',
    mentions: [],
    ...over,
  },
});
const comment = (...events: CommentEvent[]): Comment =>
  events.reduce(evolveComment, initialComment());

const publicParent = comment(posted({ commentId: parentId }));
const internalParent = comment(
  posted({
    commentId: parentId,
    authorId: teammate.id,
    byStaff: true,
    visibility: 'internal',
    body: 'Big customer asks too.',
  }),
);

const post = (over: Partial<PostComment> = {}): PostComment => ({
  type: 'PostComment',
  commentId,
  feedbackId,
  body: '  Same here!  ',
  actor: customer,
  ...over,
});
const reply = (over: Partial<PostComment> = {}): PostComment =>
  post({ commentId: replyId, parentId, ...over });

/** The field a rule violation names. */
const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.field;
    throw error;
  }
  throw new Error('expected a rule violation');
};

describe('PostComment', () => {
  it('posts a public comment with a trimmed body', () =>
    expect(decidePostComment(post(), feedback, undefined)).toEqual([posted()]));

  it('records that a teammate wrote it, and whom it mentions, once each', () =>
    expect(
      decidePostComment(
        post({ actor: teammate, body: 'On it', mentions: ['user-colleague', 'user-colleague'] }),
        feedback,
        undefined,
      ),
    ).toEqual([
      posted({ authorId: teammate.id, byStaff: true, body: 'On it', mentions: ['user-colleague'] }),
    ]));

  it('lets teammates write internal comments', () =>
    expect(
      decidePostComment(
        post({ actor: colleague, visibility: 'internal', body: 'Acme asked too.' }),
        feedback,
        undefined,
      ),
    ).toEqual([
      posted({
        authorId: colleague.id,
        byStaff: true,
        visibility: 'internal',
        body: 'Acme asked too.',
      }),
    ]));

  it('forbids customers from writing internal comments', () =>
    expect(() => decidePostComment(post({ visibility: 'internal' }), feedback, undefined)).toThrow(
      ActionForbidden,
    ));

  it.each([
    ['   ', /must not be empty/],
    ['x'.repeat(10_001), /at most 10000/],
  ])('refuses the body %#, naming the field', (body, message) => {
    const run = () => decidePostComment(post({ body }), feedback, undefined);
    expect(run).toThrow(message);
    expect(fieldOf(run)).toBe('body');
  });

  it('refuses more than 20 mentions', () =>
    expect(
      fieldOf(() =>
        decidePostComment(
          post({ actor: teammate, mentions: Array.from({ length: 21 }, (_, i) => `user-${i}`) }),
          feedback,
          undefined,
        ),
      ),
    ).toBe('mentions'));

  it('refuses an unknown visibility', () =>
    expect(
      fieldOf(() =>
        decidePostComment(
          post({ actor: teammate, visibility: 'secret' as 'public' }),
          feedback,
          undefined,
        ),
      ),
    ).toBe('visibility'));

  it('cannot comment on feedback that does not exist', () =>
    expect(() => decidePostComment(post(), { exists: false }, undefined)).toThrow(
      AggregateNotFound,
    ));

  describe('replies', () => {
    it('replies to a top-level comment', () =>
      expect(decidePostComment(reply(), feedback, publicParent)).toEqual([
        posted({ commentId: replyId, parentId }),
      ]));

    it('go one level deep', () => {
      const nested = comment(posted({ commentId: replyId, parentId }));
      const run = () =>
        decidePostComment(
          post({ commentId: 'd4e5f6a7-4444-4444-8444-444444444444', parentId: replyId }),
          feedback,
          nested,
        );
      expect(run).toThrow(
        'Replies go one level deep: reply to the comment at the top of the thread.',
      );
      expect(fieldOf(run)).toBe('parentId');
    });

    it('refuses a parent that does not exist or is on other feedback', () => {
      expect(fieldOf(() => decidePostComment(reply(), feedback, undefined))).toBe('parentId');
      expect(fieldOf(() => decidePostComment(reply(), feedback, initialComment()))).toBe(
        'parentId',
      );
      const elsewhere = comment(posted({ commentId: parentId, feedbackId: otherFeedbackId }));
      expect(() => decidePostComment(reply(), feedback, elsewhere)).toThrow(
        'The comment you reply to is not on this feedback.',
      );
    });

    it('refuses a reply to a deleted comment', () => {
      const deleted = comment(posted({ commentId: parentId }), {
        type: 'CommentDeleted',
        data: { commentId: parentId, feedbackId },
      });
      const run = () => decidePostComment(reply(), feedback, deleted);
      expect(run).toThrow('The comment you reply to was deleted.');
      expect(fieldOf(run)).toBe('parentId');
    });

    it('keeps internal threads internal: a public reply to an internal comment is refused', () => {
      const run = () =>
        decidePostComment(
          reply({ actor: teammate, visibility: 'public' }),
          feedback,
          internalParent,
        );
      expect(run).toThrow(/must be internal too/);
      expect(fieldOf(run)).toBe('visibility');
      // Public is the default visibility, so it is refused without saying so too.
      expect(() => decidePostComment(reply({ actor: teammate }), feedback, internalParent)).toThrow(
        DomainRuleViolation,
      );
    });

    it('takes an internal reply to an internal comment', () =>
      expect(
        decidePostComment(
          reply({ actor: colleague, visibility: 'internal', body: 'Noted' }),
          feedback,
          internalParent,
        ),
      ).toEqual([
        posted({
          commentId: replyId,
          parentId,
          authorId: colleague.id,
          byStaff: true,
          visibility: 'internal',
          body: 'Noted',
        }),
      ]));

    it('takes an internal reply to a public comment', () =>
      expect(
        decidePostComment(
          reply({ actor: teammate, visibility: 'internal' }),
          feedback,
          publicParent,
        ),
      ).toHaveLength(1));

    it('forbids a customer’s reply to an internal comment', () =>
      expect(() => decidePostComment(reply(), feedback, internalParent)).toThrow(
        DomainRuleViolation,
      ));
  });
});

describe('EditComment', () => {
  const mine = comment(posted());
  const edit = (actor: Actor, body: string, mentions?: string[]) =>
    ({ type: 'EditComment', commentId, body, mentions, actor }) as const;

  it('lets the author change the body', () =>
    expect(decideEditComment(edit(customer, ' Same here, twice! '), mine)).toEqual([
      {
        type: 'CommentEdited',
        data: { commentId, feedbackId, body: 'Same here, twice!', mentions: [] },
      },
    ]));

  it('records nothing when nothing changes', () =>
    expect(decideEditComment(edit(customer, 'Same here! '), mine)).toEqual([]));

  it('records new mentions even when the body is the same', () => {
    const staffComment = comment(posted({ authorId: teammate.id, byStaff: true }));
    expect(
      decideEditComment(edit(teammate, 'Same here!', ['user-colleague']), staffComment),
    ).toEqual([
      {
        type: 'CommentEdited',
        data: { commentId, feedbackId, body: 'Same here!', mentions: ['user-colleague'] },
      },
    ]);
  });

  it('folds the new body', () =>
    expect(
      comment(posted(), {
        type: 'CommentEdited',
        data: { commentId, feedbackId, body: 'Edited', mentions: [] },
      }),
    ).toMatchObject({ body: 'Edited' }));

  it('is only for the author, not even a teammate', () => {
    expect(() => decideEditComment(edit(stranger, 'Mine now'), mine)).toThrow(ActionForbidden);
    expect(() => decideEditComment(edit(teammate, 'Moderated'), mine)).toThrow(ActionForbidden);
  });

  it('validates the body', () =>
    expect(fieldOf(() => decideEditComment(edit(customer, ' '), mine))).toBe('body'));

  it('cannot edit a comment that does not exist or was deleted', () => {
    expect(() => decideEditComment(edit(customer, 'x'), initialComment())).toThrow(
      new AggregateNotFound('Comment', commentId),
    );
    const deleted = comment(posted(), {
      type: 'CommentDeleted',
      data: { commentId, feedbackId },
    });
    expect(() => decideEditComment(edit(customer, 'x'), deleted)).toThrow(AggregateNotFound);
  });
});

describe('DeleteComment', () => {
  const mine = comment(posted());
  const remove = (actor: Actor) => ({ type: 'DeleteComment', commentId, actor }) as const;

  it('lets the author delete it', () =>
    expect(decideDeleteComment(remove(customer), mine)).toEqual([
      { type: 'CommentDeleted', data: { commentId, feedbackId } },
    ]));

  it('is only for the author', () => {
    expect(() => decideDeleteComment(remove(stranger), mine)).toThrow(ActionForbidden);
    expect(() => decideDeleteComment(remove(teammate), mine)).toThrow(ActionForbidden);
  });

  it('cannot delete twice, nor a comment that does not exist', () => {
    const deleted = comment(posted(), {
      type: 'CommentDeleted',
      data: { commentId, feedbackId },
    });
    expect(deleted).toMatchObject({ deleted: true });
    expect(() => decideDeleteComment(remove(customer), deleted)).toThrow(AggregateNotFound);
    expect(() => decideDeleteComment(remove(customer), initialComment())).toThrow(
      AggregateNotFound,
    );
  });
});

describe('evolveComment', () => {
  it('ignores edits and deletions of a comment it never saw', () => {
    expect(
      comment({ type: 'CommentEdited', data: { commentId, feedbackId, body: 'x', mentions: [] } }),
    ).toEqual({ exists: false });
    expect(comment({ type: 'CommentDeleted', data: { commentId, feedbackId } })).toEqual({
      exists: false,
    });
  });

  it('lives in one stream per comment', () =>
    expect(commentStreamId(commentId)).toBe(`comment-${commentId}`));
});
