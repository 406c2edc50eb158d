import type { ChangeFeedbackStatus, ShipFeedback } from '../feedback/feedback.decider';
import type { ActivityNotification, PersonNotified } from './notification.events';

/** Someone who may be told: customers never hear of internal discussion. */
export type NotificationRecipient = { personId: string; staff: boolean };

export type FeedbackRef = { id: string; title: string };

export type FeedbackStatusChange = {
  type: 'FeedbackStatusChange';
  /**
   * The command that moved it. A release ships feedback with `ShipFeedback` and tells everyone
   * who asked with its own `feedback_shipped`; a second notice of the same move would be noise.
   */
  via: ChangeFeedbackStatus['type'] | ShipFeedback['type'];
  feedback: FeedbackRef;
  status: { id: string; name: string };
  by: string;
};

export type CommentPost = {
  type: 'CommentPost';
  feedback: FeedbackRef;
  commentId: string;
  visibility: 'public' | 'internal';
  by: string;
  /** Whom the comment mentions, as the API resolved them. */
  mentioned: readonly NotificationRecipient[];
};

export type FeedbackMerge = {
  type: 'FeedbackMerge';
  duplicate: FeedbackRef;
  into: FeedbackRef;
  by: string;
};

export type NotifiableChange = FeedbackStatusChange | CommentPost | FeedbackMerge;

export type ActivityNotifications = {
  change: NotifiableChange;
  /** Who follows the feedback changed (for a merge, the duplicate): customers and teammates. */
  followers: readonly NotificationRecipient[];
  /** A fresh id for each notification. */
  newId: () => string;
};

type WithoutIds<T> = T extends unknown ? Omit<T, 'notificationId' | 'personId'> : never;
type Notice = WithoutIds<ActivityNotification>;

/** What each person is told of the change, at most one notice each. */
const noticesOf = (
  change: NotifiableChange,
  followers: readonly NotificationRecipient[],
): Map<string, Notice> => {
  const toAll = (notice: Notice) => new Map(followers.map((f) => [f.personId, notice]));
  switch (change.type) {
    case 'FeedbackStatusChange':
      if (change.via === 'ShipFeedback') return new Map();
      return toAll({
        kind: 'status_changed',
        feedbackId: change.feedback.id,
        feedbackTitle: change.feedback.title,
        statusId: change.status.id,
        statusName: change.status.name,
        by: change.by,
      });
    case 'CommentPost': {
      const about = {
        feedbackId: change.feedback.id,
        feedbackTitle: change.feedback.title,
        commentId: change.commentId,
        by: change.by,
      };
      const notices =
        change.visibility === 'public'
          ? toAll({ kind: 'comment_posted', ...about })
          : new Map<string, Notice>();
      // Being named says more than a reply on something followed: it replaces that notice.
      for (const { personId, staff } of change.mentioned) {
        if (staff) notices.set(personId, { kind: 'mentioned', ...about });
      }
      return notices;
    }
    case 'FeedbackMerge':
      return toAll({
        kind: 'feedback_merged',
        feedbackId: change.duplicate.id,
        feedbackTitle: change.duplicate.title,
        intoFeedbackId: change.into.id,
        intoFeedbackTitle: change.into.title,
        by: change.by,
      });
  }
};

/**
 * The notifications of a status change, a comment or a merge: one per person, sorted by person,
 * never to whoever made the change. Customers are told of public comments only, and never
 * mentioned; a release's shipping is told by the release.
 */
export const decideActivityNotifications = ({
  change,
  followers,
  newId,
}: ActivityNotifications): PersonNotified[] =>
  [...noticesOf(change, followers)]
    .filter(([personId]) => personId !== change.by)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, notice]) => ({
      type: 'PersonNotified',
      data: { notificationId: newId(), personId, ...notice },
    }));
