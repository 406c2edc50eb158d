import {
  decideActivityNotifications,
  type NotifiableChange,
  type NotificationRecipient,
} from './activity-notifications';
import {
  changeNotificationsStreamId,
  PersonNotifiedV1,
  type PersonNotified,
} from './notification.events';

const darkMode = { id: '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10', title: 'Dark mode' };
const nightTheme = { id: '3d0f2a5b-7c4e-4f9a-8b2c-4d6e8f0a2b3c', title: 'Dark mode (dup)' };
const commentId = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const cleo: NotificationRecipient = { personId: 'cleo', staff: false };
const otto: NotificationRecipient = { personId: 'otto', staff: false };
const tom: NotificationRecipient = { personId: 'tom', staff: true };
const ada: NotificationRecipient = { personId: 'ada', staff: true };

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Given the followers, when a change, then these notifications (ids handed out in order). */
const given = (followers: NotificationRecipient[]) => ({
  when: (change: NotifiableChange) => {
    const run = () => {
      let next = 0;
      return decideActivityNotifications({ change, followers, newId: () => idOf(++next) });
    };
    return {
      then: (expected: PersonNotified['data'][]) => {
        const notified = run();
        expect(notified.map((e) => e.data)).toEqual(expected);
        for (const { data } of notified) expect(PersonNotifiedV1.schema.parse(data)).toEqual(data);
      },
      thenNobodyIsTold: () => expect(run()).toEqual([]),
    };
  },
});

const statusChange = (via: 'ChangeFeedbackStatus' | 'ShipFeedback', by = 'tom') =>
  ({
    type: 'FeedbackStatusChange',
    via,
    feedback: darkMode,
    status: { id: 'planned', name: 'Planned' },
    by,
  }) as const;
const comment = (
  visibility: 'public' | 'internal',
  by: string,
  mentioned: NotificationRecipient[] = [],
): NotifiableChange => ({
  type: 'CommentPost',
  feedback: darkMode,
  commentId,
  visibility,
  by,
  mentioned,
});
const statusNotice = {
  kind: 'status_changed',
  feedbackId: darkMode.id,
  feedbackTitle: 'Dark mode',
  statusId: 'planned',
  statusName: 'Planned',
  by: 'tom',
} as const;
const about = { feedbackId: darkMode.id, feedbackTitle: 'Dark mode', commentId };

describe('notifications of a status change', () => {
  it('tells each follower once, sorted by person, but never whoever changed it', () =>
    given([tom, otto, cleo, otto])
      .when(statusChange('ChangeFeedbackStatus'))
      .then([
        {
          notificationId: idOf(1),
          personId: 'cleo',
          ...statusNotice,
        },
        {
          notificationId: idOf(2),
          personId: 'otto',
          ...statusNotice,
        },
      ]));

  it('tells nobody when a release ships it: the release tells them itself', () =>
    given([cleo, otto, tom]).when(statusChange('ShipFeedback', 'ada')).thenNobodyIsTold());

  it('tells nobody when nobody follows', () =>
    given([]).when(statusChange('ChangeFeedbackStatus')).thenNobodyIsTold());
});

describe('notifications of a comment', () => {
  it('tells the followers of a public comment, not its author', () =>
    given([cleo, otto, tom])
      .when(comment('public', 'cleo'))
      .then([
        { notificationId: idOf(1), personId: 'otto', kind: 'comment_posted', ...about, by: 'cleo' },
        { notificationId: idOf(2), personId: 'tom', kind: 'comment_posted', ...about, by: 'cleo' },
      ]));

  it('tells a mentioned teammate once, that they were mentioned, even if they follow', () =>
    given([cleo, tom])
      .when(comment('public', 'ada', [tom]))
      .then([
        { notificationId: idOf(1), personId: 'cleo', kind: 'comment_posted', ...about, by: 'ada' },
        { notificationId: idOf(2), personId: 'tom', kind: 'mentioned', ...about, by: 'ada' },
      ]));

  it('tells nobody of an internal comment but the teammates it mentions', () =>
    given([cleo, otto, ada])
      .when(comment('internal', 'tom', [ada, tom]))
      .then([
        { notificationId: idOf(1), personId: 'ada', kind: 'mentioned', ...about, by: 'tom' },
      ]));

  it('never tells a customer they were mentioned', () => {
    given([])
      .when(comment('internal', 'tom', [cleo]))
      .thenNobodyIsTold();
    given([cleo])
      .when(comment('public', 'tom', [cleo]))
      .then([
        { notificationId: idOf(1), personId: 'cleo', kind: 'comment_posted', ...about, by: 'tom' },
      ]);
  });
});

describe('notifications of a merge', () => {
  it("tells the duplicate's followers where it went, not the teammate who merged it", () =>
    given([otto, ada, cleo])
      .when({ type: 'FeedbackMerge', duplicate: nightTheme, into: darkMode, by: 'ada' })
      .then(
        ['cleo', 'otto'].map((personId, i) => ({
          notificationId: idOf(i + 1),
          personId,
          kind: 'feedback_merged',
          feedbackId: nightTheme.id,
          feedbackTitle: 'Dark mode (dup)',
          intoFeedbackId: darkMode.id,
          intoFeedbackTitle: 'Dark mode',
          by: 'ada',
        })),
      ));
});

describe('PersonNotified v1', () => {
  it('still reads the notifications releases wrote, and refuses an unknown kind', () => {
    const shipped = {
      notificationId: idOf(1),
      personId: 'cleo',
      kind: 'feedback_shipped',
      releaseId: '0f1e2d3c-4b5a-4968-8776-655443322110',
      releaseName: 'Spring',
      feedbackIds: [darkMode.id],
    };
    expect(PersonNotifiedV1.schema.parse(shipped)).toEqual(shipped);
    expect(() => PersonNotifiedV1.schema.parse({ ...shipped, kind: 'newsletter' })).toThrow();
    expect(() => PersonNotifiedV1.schema.parse({ ...shipped, kind: 'status_changed' })).toThrow();
  });

  it("keeps a change's notifications in a stream named by the changed stream and its version", () =>
    expect(changeNotificationsStreamId(`feedback-${darkMode.id}`, 7)).toBe(
      `notifications-feedback-${darkMode.id}-7`,
    ));
});
