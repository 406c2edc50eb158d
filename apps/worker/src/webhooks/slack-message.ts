import { WEBHOOK_PING_EVENT_TYPE } from '@chorus/domain';

/** Slack's limits (https://api.slack.com/reference/block-kit/blocks). */
export const SLACK_HEADER_MAX = 150;
export const SLACK_SECTION_MAX = 3000;
export const SLACK_CONTEXT_ELEMENTS_MAX = 10;
export const SLACK_BLOCKS_MAX = 50;

type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };
type Mrkdwn = { type: 'mrkdwn'; text: string };
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] };

/** The body of a POST to a Slack incoming webhook; `text` is the notification's fallback. */
export type SlackMessage = { text: string; blocks: SlackBlock[] };

/** What people call the things an event names, read at send time; null where unknown. */
export type SlackNames = {
  /** Who did it: the event's actor, or the author of submitted feedback. */
  actor: string | null;
  feedbackTitle: string | null;
  boardName: string | null;
  /** A status change's new status. */
  statusName: string | null;
  releaseName: string | null;
  itemTitle: string | null;
};

export type SlackEvent = {
  /** The Chorus event type (`FeedbackSubmitted`), or the ping's CloudEvent type. */
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  /** The stream the event was appended to; null for a test ping. */
  subject: string | null;
  names: SlackNames;
};

const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** Like `truncate`, never cutting an escaped character (`&amp;`) in two. */
const truncateMrkdwn = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).replace(/&[a-z]*$/, '')}…`;

/** Slack's mrkdwn reads &, < and > as markup: what people typed must not become a link. */
const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const text = (data: Record<string, unknown>, field: string): string | null => {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** `FeedbackMerged` → `Feedback merged`. */
const humanised = (type: string): string => {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Where the admin app shows what the event is about. */
const linkOf = (event: SlackEvent, publicUrl: string): string => {
  const feedbackId = text(event.data, 'feedbackId');
  const id = (field: string) => encodeURIComponent(text(event.data, field) ?? '');
  if (event.type.startsWith('Release') || event.type.startsWith('Changelog')) {
    return `${publicUrl}/releases/${id('releaseId')}`;
  }
  if (text(event.data, 'itemId') !== null) return `${publicUrl}/backlog/${id('itemId')}`;
  if (feedbackId !== null) return `${publicUrl}/?feedback=${encodeURIComponent(feedbackId)}`;
  if (event.type.startsWith('Sprint')) return `${publicUrl}/sprints/${id('sprintId')}`;
  if (event.type.startsWith('Initiative')) return `${publicUrl}/roadmap`;
  return `${publicUrl}/`;
};

type Summary = {
  /** One line: the header, and the notification's text. */
  title: string;
  /** More words, as mrkdwn already escaped. */
  body?: string;
  /** Who and where, shown small. */
  facts: string[];
};

const summaryOf = (event: SlackEvent): Summary => {
  const { data, names } = event;
  const by = names.actor === null ? [] : [`by ${names.actor}`];
  const feedback = names.feedbackTitle ?? text(data, 'title') ?? 'a feedback item';
  switch (event.type) {
    case WEBHOOK_PING_EVENT_TYPE:
      return {
        title: 'Test message from Chorus',
        body: 'This channel will get the Chorus events chosen for it.',
        facts: by,
      };
    case 'FeedbackSubmitted':
      return {
        title: `New feedback: ${text(data, 'title') ?? feedback}`,
        body: text(data, 'description') ?? undefined,
        facts: [...by, ...(names.boardName === null ? [] : [`Board: ${names.boardName}`])],
      };
    case 'FeedbackStatusChanged':
      return {
        title: `Status: ${feedback} → ${names.statusName ?? text(data, 'to') ?? 'a new status'}`,
        facts: by,
      };
    case 'CommentPosted':
      return {
        title: `New comment on ${feedback}`,
        body: text(data, 'body') ?? undefined,
        facts: [...by, ...(data.visibility === 'internal' ? ['Internal'] : [])],
      };
    case 'VoteCast':
      return { title: `New vote on ${feedback}`, facts: by };
    case 'FeedbackMerged':
      return { title: `Merged into ${feedback}`, facts: by };
    case 'BacklogItemCreated':
      return {
        title: `New backlog item: ${names.itemTitle ?? text(data, 'title') ?? ''}`,
        facts: by,
      };
    case 'BacklogItemAccepted':
      return { title: `Accepted: ${names.itemTitle ?? 'a backlog item'}`, facts: by };
    case 'ReleasePublished':
      return {
        title:
          names.releaseName === null
            ? 'A release was published'
            : `Release ${names.releaseName} published`,
        body: `${countOf(data.itemIds, 'item')} shipped, answering ${countOf(data.feedbackIds, 'feedback item')}.`,
        facts: by,
      };
    default:
      return { title: humanised(event.type), body: event.subject ?? undefined, facts: by };
  }
};

const countOf = (list: unknown, noun: string): string => {
  const count = Array.isArray(list) ? list.length : 0;
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
};

/**
 * A Block Kit message saying what happened in words a person reads, with a link into Chorus.
 * Event types without a format of their own get a generic one. Pure: the names are read before.
 */
export const slackMessageOf = (event: SlackEvent, publicUrl: string): SlackMessage => {
  const summary = summaryOf(event);
  const link = `<${linkOf(event, publicUrl.replace(/\/+$/, ''))}|Open in Chorus>`;
  const body =
    summary.body === undefined
      ? ''
      : `${truncateMrkdwn(escape(summary.body), SLACK_SECTION_MAX - link.length - 1)}\n`;
  const seconds = Math.floor(Date.parse(event.occurredAt) / 1000);
  const when = `<!date^${seconds}^{date_short_pretty} {time}|${event.occurredAt}>`;
  const facts = summary.facts.length === 0 ? '' : ` — ${summary.facts.join(', ')}`;
  return {
    // The notification's text is mrkdwn too: a title typed as <!channel> must not ping anyone.
    text: truncateMrkdwn(escape(`${summary.title}${facts}`), SLACK_SECTION_MAX),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: truncate(summary.title, SLACK_HEADER_MAX), emoji: true },
      },
      {
        type: 'section',
        // The link goes last, and is never cut off.
        text: {
          type: 'mrkdwn',
          text: `${body}${link}`,
        },
      },
      {
        type: 'context',
        elements: [...summary.facts.map(escape), when]
          .slice(-SLACK_CONTEXT_ELEMENTS_MAX)
          .map((fact) => ({ type: 'mrkdwn', text: truncateMrkdwn(fact, SLACK_SECTION_MAX) })),
      },
    ],
  };
};
