import type { PersonNotified } from '@chorus/domain';
import {
  heading,
  list,
  markdown,
  paragraph,
  renderMail,
  type Block,
  type MailFrame,
  type RenderedMail,
} from './mail-layout';

export type FeedbackLink = { title: string; url: string };

/**
 * What a notification's mail shows, by kind: the event's facts with what they name resolved at
 * send time (titles, the release's changelog entry, who acted, the comment as it is now).
 */
export type NotificationMailView = { kind: PersonNotified['data']['kind']; publicUrl: string } & (
  | {
      kind: 'feedback_shipped';
      releaseName: string;
      feedback: FeedbackLink[];
      /** The release's changelog entry, if it has one. */
      changelog: { title: string; body: string } | null;
      changelogUrl: string;
    }
  | { kind: 'status_changed'; feedback: FeedbackLink; statusName: string; byName: string }
  | { kind: 'comment_posted'; feedback: FeedbackLink; byName: string; comment: string | null }
  | { kind: 'feedback_merged'; feedback: FeedbackLink; into: FeedbackLink; byName: string }
  | { kind: 'mentioned'; feedback: FeedbackLink; byName: string; comment: string | null }
);

const open = (feedback: FeedbackLink): Block =>
  paragraph({ text: `Open “${feedback.title}”`, href: feedback.url });

const theComment = (comment: string | null, publicUrl: string): Block[] =>
  comment === null ? [] : [markdown(comment, publicUrl)];

export const notificationMail = (view: NotificationMailView, frame: MailFrame): RenderedMail => {
  switch (view.kind) {
    case 'feedback_shipped': {
      const [only] = view.feedback;
      const subject =
        view.feedback.length === 1 && only
          ? `Shipped: ${only.title}`
          : `Shipped in ${view.releaseName}: ${view.feedback.length} requests of yours`;
      return renderMail(
        subject,
        [
          paragraph(
            view.feedback.length === 1
              ? `What you asked for shipped in ${view.releaseName}:`
              : `What you asked for shipped in ${view.releaseName}, all of it:`,
          ),
          list(view.feedback.map((feedback) => [{ text: feedback.title, href: feedback.url }])),
          ...(view.changelog
            ? [heading(view.changelog.title), markdown(view.changelog.body, view.publicUrl)]
            : []),
          paragraph({ text: 'Read the changelog', href: view.changelogUrl }),
          paragraph('Thank you for telling us what you needed.'),
        ],
        frame,
      );
    }
    case 'status_changed':
      return renderMail(
        `“${view.feedback.title}” is now ${view.statusName}`,
        [
          paragraph(
            `${view.byName} moved “${view.feedback.title}”, which you follow, to ${view.statusName}.`,
          ),
          open(view.feedback),
        ],
        frame,
      );
    case 'comment_posted':
      return renderMail(
        `New comment on “${view.feedback.title}”`,
        [
          paragraph(`${view.byName} commented on “${view.feedback.title}”, which you follow:`),
          ...theComment(view.comment, view.publicUrl),
          open(view.feedback),
        ],
        frame,
      );
    case 'feedback_merged':
      return renderMail(
        `“${view.feedback.title}” was merged into “${view.into.title}”`,
        [
          paragraph(
            `${view.byName} merged “${view.feedback.title}”, which you follow, into “${view.into.title}”. Your vote counts toward it, and its news reaches you.`,
          ),
          open(view.into),
        ],
        frame,
      );
    case 'mentioned':
      return renderMail(
        `${view.byName} mentioned you on “${view.feedback.title}”`,
        [
          paragraph(`${view.byName} mentioned you in a comment on “${view.feedback.title}”:`),
          ...theComment(view.comment, view.publicUrl),
          open(view.feedback),
        ],
        frame,
      );
  }
};
