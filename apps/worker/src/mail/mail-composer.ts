import type { DataSource } from 'typeorm';
import {
  applicableNotificationCategories,
  unsubscribePagePath,
  type NotificationCategory,
  type PersonNotified,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { findMailPerson, readNotificationPreferences } from './mail-people';
import type { MailFrame, RenderedMail } from './templates/mail-layout';
import {
  notificationMail,
  type FeedbackLink,
  type NotificationMailView,
} from './templates/notification-mails';
import { weeklyDigestMail, type WeeklyDigest } from './templates/weekly-digest-mail';
import type { UnsubscribeTokens } from './unsubscribe-tokens';

/** A delivery due, with what its mail is about: a notification, or a weekly digest. */
export type DueDelivery = {
  id: string;
  workspaceId: string;
  personId: string;
  category: NotificationCategory;
  attempts: number;
  createdAt: Date;
} & (
  | { notification: PersonNotified['data']; digest: null }
  | { notification: null; digest: WeeklyDigest }
);

export type ComposedMail = RenderedMail & {
  to: string;
  messageId: string;
  headers: Record<string, string>;
};

/** News this old is no news: notifications from before mail was set up are not mailed. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Decides, at send time, whether a delivery's mail goes out and what it says: the address and
 * the preferences are read now, not when the notification was made, so an erased person or one
 * who unsubscribed a minute ago gets nothing.
 */
export class MailComposer {
  constructor(
    private readonly db: DataSource,
    private readonly store: PostgresEventStore,
    private readonly tokens: UnsubscribeTokens,
    private readonly publicUrl: string,
  ) {}

  /** The mail to send, or why none is. */
  async compose(
    delivery: DueDelivery,
    now: Date,
  ): Promise<{ mail: ComposedMail } | { skipped: string }> {
    if (now.getTime() - delivery.createdAt.getTime() > MAX_AGE_MS) {
      return { skipped: 'too old to send' };
    }
    const { workspaceId, personId, category } = delivery;
    const person = await findMailPerson(this.db, workspaceId, personId);
    if (!person) return { skipped: 'unknown person' };
    if (person.email === null) return { skipped: 'no address' };
    if (!applicableNotificationCategories(person.role).includes(category)) {
      return { skipped: 'not for their role' };
    }
    const preferences = await readNotificationPreferences(
      this.store,
      workspaceId,
      personId,
      person.role,
    );
    if (!preferences[category]) return { skipped: 'unsubscribed' };
    const [workspace] = await this.db.query<{ name: string; slug: string }[]>(
      `SELECT name, slug FROM workspaces WHERE workspace_id = $1`,
      [workspaceId],
    );
    if (!workspace) return { skipped: 'unknown workspace' };

    const token = this.tokens.sign({ workspaceId, personId, category });
    const frame: MailFrame = {
      workspaceName: workspace.name,
      recipientName: person.name,
      category,
      unsubscribeUrl: `${this.publicUrl}${unsubscribePagePath}?token=${token}`,
      settingsUrl: `${this.publicUrl}/settings/notifications`,
    };
    const changelogUrl = `${this.publicUrl}/p/${encodeURIComponent(workspace.slug)}/changelog`;
    const rendered = delivery.digest
      ? weeklyDigestMail(
          delivery.digest,
          {
            feedbackUrl: (id) => this.feedbackUrl(id),
            dashboardUrl: `${this.publicUrl}/dashboards/pm`,
            changelogUrl,
          },
          frame,
        )
      : notificationMail(
          await this.viewOf(workspaceId, delivery.notification, changelogUrl),
          frame,
        );
    return {
      mail: {
        ...rendered,
        to: person.email,
        // The same notification always has the same Message-ID: were it ever sent twice (see
        // MailDispatcher), mail clients would show it once.
        messageId: `<chorus.${delivery.id}@${new URL(this.publicUrl).hostname}>`,
        headers: {
          // RFC 8058 one-click unsubscribe: mail clients POST here, without a page.
          'List-Unsubscribe': `<${this.publicUrl}/api/v1/unsubscribe?token=${token}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
    };
  }

  private feedbackUrl(feedbackId: string): string {
    return `${this.publicUrl}/?feedback=${encodeURIComponent(feedbackId)}`;
  }

  private link(feedbackId: string, title: string): FeedbackLink {
    return { title, url: this.feedbackUrl(feedbackId) };
  }

  private async nameOf(workspaceId: string, personId: string): Promise<string> {
    return (await findMailPerson(this.db, workspaceId, personId))?.name ?? 'Someone';
  }

  /** A comment as it reads now; null once deleted. */
  private async commentBody(workspaceId: string, commentId: string): Promise<string | null> {
    const [comment] = await this.db.query<{ body: string }[]>(
      `SELECT body FROM feedback_comments
       WHERE workspace_id = $1 AND comment_id = $2 AND NOT deleted`,
      [workspaceId, commentId],
    );
    return comment?.body ?? null;
  }

  private async viewOf(
    workspaceId: string,
    notification: PersonNotified['data'],
    changelogUrl: string,
  ): Promise<NotificationMailView> {
    const publicUrl = this.publicUrl;
    switch (notification.kind) {
      case 'feedback_shipped': {
        const [titles, [release]] = await Promise.all([
          this.db.query<{ id: string; title: string }[]>(
            `SELECT feedback_id::text AS id, title FROM feedback_list
             WHERE workspace_id = $1 AND feedback_id = ANY($2::uuid[])`,
            [workspaceId, notification.feedbackIds],
          ),
          this.db.query<{ changelog_title: string | null; changelog_body: string | null }[]>(
            `SELECT changelog_title, changelog_body FROM releases
             WHERE workspace_id = $1 AND id = $2`,
            [workspaceId, notification.releaseId],
          ),
        ]);
        const titleOf = new Map(titles.map((t) => [t.id, t.title]));
        return {
          kind: notification.kind,
          publicUrl,
          releaseName: notification.releaseName,
          feedback: notification.feedbackIds.flatMap((id) => {
            const title = titleOf.get(id);
            return title === undefined ? [] : [this.link(id, title)];
          }),
          changelog:
            release?.changelog_title != null
              ? { title: release.changelog_title, body: release.changelog_body ?? '' }
              : null,
          changelogUrl,
        };
      }
      case 'status_changed':
        return {
          kind: notification.kind,
          publicUrl,
          feedback: this.link(notification.feedbackId, notification.feedbackTitle),
          statusName: notification.statusName,
          byName: await this.nameOf(workspaceId, notification.by),
        };
      case 'comment_posted':
      case 'mentioned':
        return {
          kind: notification.kind,
          publicUrl,
          feedback: this.link(notification.feedbackId, notification.feedbackTitle),
          byName: await this.nameOf(workspaceId, notification.by),
          comment: await this.commentBody(workspaceId, notification.commentId),
        };
      case 'feedback_merged':
        return {
          kind: notification.kind,
          publicUrl,
          feedback: this.link(notification.feedbackId, notification.feedbackTitle),
          into: this.link(notification.intoFeedbackId, notification.intoFeedbackTitle),
          byName: await this.nameOf(workspaceId, notification.by),
        };
    }
  }
}
