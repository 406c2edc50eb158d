import { addDays } from '@chorus/domain';
import { list, paragraph, renderMail, type MailFrame, type RenderedMail } from './mail-layout';

/**
 * A workspace's week, as the dashboards count it, taken when the digest fell due: stored with
 * each digest's delivery so a retried mail says what the first try would have.
 */
export type WeeklyDigest = {
  /** The Monday of the ISO week reported (UTC), `YYYY-MM-DD`. */
  week: string;
  newFeedback: number;
  votes: { cast: number; withdrawn: number };
  /** The requests with the most voters this week. */
  topRequests: { feedbackId: string; title: string; votes: number }[];
  /** Releases published this week. */
  shipped: { releaseId: string; name: string; itemCount: number }[];
};

export type WeeklyDigestLinks = {
  feedbackUrl: (feedbackId: string) => string;
  dashboardUrl: string;
  changelogUrl: string;
};

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

export const weeklyDigestMail = (
  digest: WeeklyDigest,
  links: WeeklyDigestLinks,
  frame: MailFrame,
): RenderedMail =>
  renderMail(
    `Your week in ${frame.workspaceName}: ${plural(digest.newFeedback, 'new request')}, ${plural(digest.votes.cast, 'vote')}`,
    [
      paragraph(
        `From Monday ${digest.week} to Sunday ${addDays(digest.week, 6)}, ${frame.workspaceName} received ${plural(digest.newFeedback, 'new feedback item')} and ${plural(digest.votes.cast, 'vote')}` +
          (digest.votes.withdrawn > 0 ? ` (${digest.votes.withdrawn} withdrawn).` : '.'),
      ),
      ...(digest.topRequests.length > 0
        ? [
            paragraph('Most wanted this week:'),
            list(
              digest.topRequests.map((request) => [
                { text: request.title, href: links.feedbackUrl(request.feedbackId) },
                ` — ${plural(request.votes, 'voter')}`,
              ]),
            ),
          ]
        : [paragraph('Nobody voted this week.')]),
      ...(digest.shipped.length > 0
        ? [
            paragraph('Shipped this week:'),
            list(
              digest.shipped.map((release) => [
                release.name,
                ` — ${plural(release.itemCount, 'item')}`,
              ]),
            ),
            paragraph({ text: 'Read the changelog', href: links.changelogUrl }),
          ]
        : [paragraph('No release was published this week.')]),
      paragraph({ text: 'Open the product dashboard', href: links.dashboardUrl }),
    ],
    frame,
  );
