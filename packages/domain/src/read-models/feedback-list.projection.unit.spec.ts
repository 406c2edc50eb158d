import {
  evolveFeedbackListRow,
  feedbackListEventTypes,
  feedbackListRowKey,
  type FeedbackListEvent,
  type FeedbackListRow,
} from './feedback-list.projection';
import { feedbackEventDefinitions } from '../feedback/feedback.events';
import { voteEventDefinitions } from '../vote/vote.events';
import { commentEventDefinitions } from '../comments/comment.events';

const feedbackId = '5a2b7c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d';
const duplicateId = '6b3c8d2e-3f4a-4b6c-8d7e-8f9a0b1c2d3e';
const commentId = '7c4d9e3f-4a5b-4c7d-9e8f-9a0b1c2d3e4f';
const workspaceId = 'ws';
const stream = `feedback-${feedbackId}`;
let clock = 0;
const at = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
type Unplaced = FeedbackListEvent extends infer E
  ? E extends FeedbackListEvent
    ? Omit<E, 'streamId' | 'workspaceId' | 'occurredAt'>
    : never
  : never;
const on = (streamId: string, event: Unplaced, occurredAt = at()): FeedbackListEvent => ({
  ...event,
  streamId,
  workspaceId,
  occurredAt,
});
const by = { feedbackId, by: 'staff-1' };

const submittedV2 = (over: Record<string, unknown> = {}) =>
  on(stream, {
    type: 'FeedbackSubmitted',
    streamVersion: 1,
    data: {
      feedbackId,
      title: 'Bulk edit',
      description: '',
      boardId: 'general',
      authorId: 'a',
      statusId: 'open',
      moderation: 'approved',
      source: 'app',
      capturedBy: null,
      quote: null,
      categoryId: null,
      ...over,
    },
  });
/** As stored before issue 4: no status, moderation, source, capture, quote or category. */
const submittedV1 = () =>
  on(stream, {
    type: 'FeedbackSubmitted',
    streamVersion: 1,
    data: { feedbackId, title: 'Bulk edit', description: '', boardId: 'general', authorId: 'a' },
  });
const onFeedback = (streamVersion: number, event: Pick<Unplaced, 'type' | 'data'>) =>
  on(stream, { ...event, streamVersion } as Unplaced);
const vote = (voterId: string, streamVersion: number) =>
  on(`ballot-${feedbackId}-${voterId}`, {
    type: 'VoteCast',
    streamVersion,
    data: { feedbackId, voterId, source: 'app', capturedBy: null, quote: null },
  });
const unvote = (voterId: string, streamVersion: number) =>
  on(`ballot-${feedbackId}-${voterId}`, {
    type: 'VoteWithdrawn',
    streamVersion,
    data: { feedbackId, voterId },
  });
const commented = (byStaff: boolean, visibility: 'public' | 'internal', occurredAt = at()) =>
  on(
    `comment-${commentId}`,
    {
      type: 'CommentPosted',
      streamVersion: 1,
      data: {
        commentId,
        feedbackId,
        parentId: null,
        authorId: byStaff ? 'staff-1' : 'customer-1',
        byStaff,
        visibility,
        body: 'Thanks!',
        mentions: [],
      },
    },
    occurredAt,
  );

const project = (events: FeedbackListEvent[], from?: FeedbackListRow) =>
  events.reduce<FeedbackListRow | undefined>(evolveFeedbackListRow, from);
const row = (events: FeedbackListEvent[]): FeedbackListRow => {
  const projected = project(events);
  if (!projected) throw new Error('expected a row');
  return projected;
};

describe('feedback list projection', () => {
  describe('FeedbackSubmitted', () => {
    it('shows an open, approved row at version 1 with no demand yet', () => {
      const event = submittedV2();
      expect(project([event])).toEqual({
        feedbackId,
        workspaceId,
        title: 'Bulk edit',
        description: '',
        boardId: 'general',
        categoryId: null,
        authorId: 'a',
        capturedBy: null,
        source: 'app',
        quote: null,
        status: 'open',
        statusKind: 'open',
        tags: [],
        moderation: 'approved',
        spam: false,
        mergedInto: null,
        duplicateCount: 0,
        voteCount: 0,
        revenueCents: 0,
        commentCount: 0,
        firstResponseAt: null,
        version: 1,
        createdAt: event.occurredAt,
        lastActivityAt: event.occurredAt,
      });
    });

    it('gives a v1 submission the defaults of the v2 fields', () => {
      const { createdAt: _c1, lastActivityAt: _l1, ...v1 } = row([submittedV1()]);
      const { createdAt: _c2, lastActivityAt: _l2, ...v2 } = row([submittedV2()]);
      expect(v1).toEqual(v2);
      expect(v1).toMatchObject({
        status: 'open',
        statusKind: 'open',
        moderation: 'approved',
        source: 'app',
        capturedBy: null,
        quote: null,
        categoryId: null,
        tags: [],
        spam: false,
        mergedInto: null,
        duplicateCount: 0,
        firstResponseAt: null,
      });
    });

    it('shows who asked, who captured it, through which channel and in their words', () =>
      expect(
        row([
          submittedV2({
            authorId: 'customer-1',
            capturedBy: 'staff-1',
            source: 'sales_call',
            quote: 'We need it by Q3.',
          }),
        ]),
      ).toMatchObject({
        authorId: 'customer-1',
        capturedBy: 'staff-1',
        source: 'sales_call',
        quote: 'We need it by Q3.',
      }));

    it('shows a post awaiting approval as pending', () =>
      expect(row([submittedV2({ moderation: 'pending' })])).toMatchObject({
        moderation: 'pending',
      }));

    it('keeps the figures the projection recounted when it rebuilds an older row', () => {
      const stale = {
        ...row([submittedV2()]),
        version: 0,
        voteCount: 3,
        revenueCents: 9_900,
        commentCount: 2,
      };
      const rebuilt = evolveFeedbackListRow(stale, submittedV2());
      expect(rebuilt).toMatchObject({
        version: 1,
        voteCount: 3,
        revenueCents: 9_900,
        commentCount: 2,
      });
    });

    it('ignores a replayed submission', () => {
      const once = row([submittedV2(), onFeedback(2, { type: 'FeedbackMarkedSpam', data: by })]);
      expect(evolveFeedbackListRow(once, submittedV2())).toBe(once);
    });
  });

  describe('votes and comments', () => {
    it('leave the counts to the projection’s recount, and move the last activity', () => {
      const events = [submittedV2(), vote('x', 1), unvote('x', 2), vote('x', 3), vote('y', 1)];
      const last = events[events.length - 1]!;
      const voted = row(events);
      expect(voted).toMatchObject({ voteCount: 0, revenueCents: 0, version: 1 });
      expect(voted.lastActivityAt).toBe(last.occurredAt);
    });

    it('keep counts a recount already wrote', () => {
      const counted = {
        ...row([submittedV2()]),
        voteCount: 7,
        revenueCents: 120_000,
        commentCount: 4,
      };
      expect(
        project(
          [
            vote('x', 1),
            unvote('y', 2),
            commented(false, 'public'),
            on(`comment-${commentId}`, {
              type: 'CommentDeleted',
              streamVersion: 2,
              data: { commentId, feedbackId },
            }),
          ],
          counted,
        ),
      ).toMatchObject({ voteCount: 7, revenueCents: 120_000, commentCount: 4, version: 1 });
    });

    it('never take the version of their own streams, which are not the ETag', () =>
      expect(row([submittedV2(), vote('x', 5), commented(false, 'public')]).version).toBe(1));

    it('are ignored for feedback the projection has never seen', () => {
      expect(project([vote('x', 1)])).toBeUndefined();
      expect(project([commented(true, 'public')])).toBeUndefined();
    });

    it('move the last activity only forwards', () => {
      const first = submittedV2();
      const late = vote('x', 1);
      const stale = on(
        `ballot-${feedbackId}-y`,
        { type: 'VoteCast', streamVersion: 1, data: { feedbackId, voterId: 'y' } },
        '2020-01-01T00:00:00.000Z',
      );
      expect(row([first, late, stale]).lastActivityAt).toBe(late.occurredAt);
    });
  });

  describe('edits and status changes', () => {
    it('apply with their stream version', () => {
      const moved = row([
        submittedV2(),
        onFeedback(2, {
          type: 'FeedbackEdited',
          data: { feedbackId, title: 'Bulk editing', editedBy: 'a' },
        }),
        onFeedback(3, {
          type: 'FeedbackStatusChanged',
          data: { feedbackId, from: 'open', to: 'planned', toKind: 'active', changedBy: 'po' },
        }),
      ]);
      expect(moved).toMatchObject({
        title: 'Bulk editing',
        description: '',
        boardId: 'general',
        status: 'planned',
        statusKind: 'active',
        version: 3,
      });
    });

    it('moves to another board', () =>
      expect(
        row([
          submittedV2(),
          onFeedback(2, {
            type: 'FeedbackEdited',
            data: { feedbackId, boardId: 'mobile', editedBy: 'a' },
          }),
        ]),
      ).toMatchObject({ title: 'Bulk edit', boardId: 'mobile' }));

    it('takes the kind of a custom status from the event', () =>
      expect(
        row([
          submittedV2(),
          onFeedback(2, {
            type: 'FeedbackStatusChanged',
            data: { feedbackId, from: 'open', to: 'shipped', toKind: 'done', changedBy: 'po' },
          }),
        ]),
      ).toMatchObject({ status: 'shipped', statusKind: 'done' }));

    it('takes the kind of a v1 status change from the default workflow', () =>
      expect(
        row([
          submittedV1(),
          onFeedback(2, {
            type: 'FeedbackStatusChanged',
            data: { feedbackId, from: 'open', to: 'declined', changedBy: 'po' },
          }),
        ]),
      ).toMatchObject({ status: 'declined', statusKind: 'closed' }));

    it('ignores a feedback event it has already applied', () => {
      const edit = onFeedback(2, {
        type: 'FeedbackEdited',
        data: { feedbackId, title: 'Bulk editing', editedBy: 'a' },
      });
      const once = row([submittedV2(), edit]);
      expect(evolveFeedbackListRow(once, edit)).toBe(once);
    });
  });

  describe('firstResponseAt', () => {
    const changed = (streamVersion: number, occurredAt = at()) =>
      on(
        stream,
        {
          type: 'FeedbackStatusChanged',
          streamVersion,
          data: { feedbackId, from: 'open', to: 'under_review', toKind: 'open', changedBy: 'po' },
        },
        occurredAt,
      );

    it('is set by the first status change', () => {
      const change = changed(2);
      expect(row([submittedV2(), change]).firstResponseAt).toBe(change.occurredAt);
    });

    it('is set by the first public comment of a teammate', () => {
      const answer = commented(true, 'public');
      expect(row([submittedV2(), answer]).firstResponseAt).toBe(answer.occurredAt);
    });

    it('is not set by an internal note nor by a customer’s comment', () =>
      expect(
        row([submittedV2(), commented(true, 'internal'), commented(false, 'public')])
          .firstResponseAt,
      ).toBeNull());

    it('keeps the first response', () => {
      const answer = commented(true, 'public');
      expect(
        row([submittedV2(), answer, changed(2), commented(true, 'public')]).firstResponseAt,
      ).toBe(answer.occurredAt);
    });

    it('keeps the earliest response even when they arrive out of order', () => {
      const late = changed(2, '2026-06-01T00:00:00.000Z');
      const early = commented(true, 'public', '2026-05-01T00:00:00.000Z');
      expect(row([submittedV2(), late, early]).firstResponseAt).toBe(early.occurredAt);
    });
  });

  describe('tags', () => {
    it('adds and removes tags, once each', () => {
      const tagged = row([
        submittedV2(),
        onFeedback(2, { type: 'FeedbackTagged', data: { ...by, tagId: 'ux' } }),
        onFeedback(3, { type: 'FeedbackTagged', data: { ...by, tagId: 'billing' } }),
        onFeedback(4, { type: 'FeedbackTagged', data: { ...by, tagId: 'ux' } }),
      ]);
      expect(tagged).toMatchObject({ tags: ['billing', 'ux'], version: 4 });
      expect(
        project(
          [onFeedback(5, { type: 'FeedbackUntagged', data: { ...by, tagId: 'ux' } })],
          tagged,
        ),
      ).toMatchObject({ tags: ['billing'], version: 5 });
    });

    it('untagging a tag that is not there changes nothing but the version', () =>
      expect(
        row([
          submittedV2(),
          onFeedback(2, { type: 'FeedbackUntagged', data: { ...by, tagId: 'ux' } }),
        ]),
      ).toMatchObject({ tags: [], version: 2 }));
  });

  describe('categories', () => {
    const categorised = (streamVersion: number, categoryId: string | null) =>
      onFeedback(streamVersion, { type: 'FeedbackCategorised', data: { ...by, categoryId } });

    it('shows the category it was submitted in', () =>
      expect(row([submittedV2({ categoryId: 'reporting' })])).toMatchObject({
        categoryId: 'reporting',
      }));

    it('files the row under a category, moves it to another and takes it out again', () => {
      const filed = row([submittedV2(), categorised(2, 'reporting')]);
      expect(filed).toMatchObject({ categoryId: 'reporting', version: 2 });
      expect(project([categorised(3, 'permissions')], filed)).toMatchObject({
        categoryId: 'permissions',
        version: 3,
      });
      expect(project([categorised(3, null)], filed)).toMatchObject({
        categoryId: null,
        version: 3,
      });
    });

    it('takes it out of its category when a move to another board did', () =>
      expect(
        row([
          submittedV2({ categoryId: 'reporting' }),
          onFeedback(2, {
            type: 'FeedbackEdited',
            data: { feedbackId, boardId: 'mobile', editedBy: 'staff-1' },
          }),
          categorised(3, null),
        ]),
      ).toMatchObject({ boardId: 'mobile', categoryId: null, version: 3 }));
  });

  describe('moderation', () => {
    it('approves a pending post', () =>
      expect(
        row([
          submittedV2({ moderation: 'pending' }),
          onFeedback(2, { type: 'FeedbackApproved', data: by }),
        ]),
      ).toMatchObject({ moderation: 'approved', version: 2 }));

    it('rejects a pending post', () =>
      expect(
        row([
          submittedV2({ moderation: 'pending' }),
          onFeedback(2, { type: 'FeedbackRejected', data: { ...by, reason: 'Off topic' } }),
        ]),
      ).toMatchObject({ moderation: 'rejected', version: 2 }));
  });

  describe('spam', () => {
    it('marks and clears', () => {
      const marked = row([submittedV2(), onFeedback(2, { type: 'FeedbackMarkedSpam', data: by })]);
      expect(marked).toMatchObject({ spam: true, version: 2 });
      expect(
        project([onFeedback(3, { type: 'FeedbackSpamCleared', data: by })], marked),
      ).toMatchObject({ spam: false, version: 3 });
    });
  });

  describe('merges', () => {
    it('redirects a merged duplicate, and clears that when unmerged', () => {
      const merged = row([
        submittedV2(),
        onFeedback(2, { type: 'FeedbackMerged', data: { ...by, intoId: duplicateId } }),
      ]);
      expect(merged).toMatchObject({ mergedInto: duplicateId, version: 2 });
      expect(
        project(
          [onFeedback(3, { type: 'FeedbackUnmerged', data: { ...by, fromId: duplicateId } })],
          merged,
        ),
      ).toMatchObject({ mergedInto: null, version: 3 });
    });

    it('counts the duplicates a survivor absorbed and released', () => {
      const absorbed = (v: number, dupId: string) =>
        onFeedback(v, { type: 'FeedbackDuplicateAbsorbed', data: { ...by, duplicateId: dupId } });
      const released = (v: number, dupId: string) =>
        onFeedback(v, { type: 'FeedbackDuplicateReleased', data: { ...by, duplicateId: dupId } });
      expect(
        row([submittedV2(), absorbed(2, duplicateId), absorbed(3, commentId)]).duplicateCount,
      ).toBe(2);
      expect(
        row([
          submittedV2(),
          absorbed(2, duplicateId),
          absorbed(3, commentId),
          released(4, duplicateId),
        ]).duplicateCount,
      ).toBe(1);
    });

    it('never counts below zero', () =>
      expect(
        row([
          submittedV2(),
          onFeedback(2, {
            type: 'FeedbackDuplicateReleased',
            data: { ...by, duplicateId },
          }),
        ]).duplicateCount,
      ).toBe(0));

    it('ignores a replayed absorption, so counts are not doubled', () => {
      const absorption = onFeedback(2, {
        type: 'FeedbackDuplicateAbsorbed',
        data: { ...by, duplicateId },
      });
      const once = row([submittedV2(), absorption]);
      expect(evolveFeedbackListRow(once, absorption)).toBe(once);
      expect(project([absorption, absorption], once)?.duplicateCount).toBe(1);
    });
  });

  describe('replays', () => {
    it.each<Pick<Unplaced, 'type' | 'data'>>([
      { type: 'FeedbackTagged', data: { ...by, tagId: 'ux' } },
      { type: 'FeedbackUntagged', data: { ...by, tagId: 'ux' } },
      { type: 'FeedbackCategorised', data: { ...by, categoryId: 'reporting' } },
      { type: 'FeedbackApproved', data: by },
      { type: 'FeedbackRejected', data: { ...by, reason: '' } },
      { type: 'FeedbackMarkedSpam', data: by },
      { type: 'FeedbackSpamCleared', data: by },
      { type: 'FeedbackMerged', data: { ...by, intoId: duplicateId } },
      { type: 'FeedbackUnmerged', data: { ...by, fromId: duplicateId } },
      { type: 'FeedbackDuplicateReleased', data: { ...by, duplicateId } },
    ])('ignore an already-applied $type', (event) => {
      const applied = row([
        submittedV2(),
        onFeedback(2, event),
        onFeedback(3, {
          type: 'FeedbackEdited',
          data: { feedbackId, title: 'Later', editedBy: 'a' },
        }),
      ]);
      expect(evolveFeedbackListRow(applied, onFeedback(2, event))).toBe(applied);
    });
  });

  it('keys every event by its feedback', () => {
    expect(feedbackListRowKey(vote('x', 1))).toBe(feedbackId);
    expect(feedbackListRowKey(commented(true, 'public'))).toBe(feedbackId);
    expect(feedbackListRowKey(submittedV2())).toBe(feedbackId);
  });

  it('subscribes to every feedback, vote and comment event type', () =>
    expect([...feedbackListEventTypes].sort()).toEqual(
      [
        ...new Set(
          [...feedbackEventDefinitions, ...voteEventDefinitions, ...commentEventDefinitions].map(
            (d) => d.type,
          ),
        ),
      ].sort(),
    ));
});
