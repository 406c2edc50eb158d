import type { CommentEvent } from '../comments/comment.events';
import {
  evolveFeedback,
  initialFeedback,
  submittedFacts,
  type ExistingFeedback,
  type Feedback,
} from '../feedback/feedback';
import type { FeedbackEvent } from '../feedback/feedback.events';
import {
  defaultStatusKind,
  type FeedbackSourceName,
  type FeedbackStatus,
  type ModerationStateName,
  type StatusKind,
} from '../feedback/feedback-workflow';
import type { VoteEvent } from '../vote/vote.events';

/** An event as projections see it: its data plus where and when it happened. */
export type ProjectedEvent<
  E extends { type: string; data: unknown } = { type: string; data: unknown },
> = E & {
  streamId: string;
  streamVersion: number;
  workspaceId: string;
  occurredAt: string;
};

/**
 * One row of the inbox: everything the feedback list and detail screens show. The demand
 * figures (votes, revenue, comments) are sets, not counters: a voter of two merged items counts
 * once, so the projection recounts them from its ballot and comment tables after each batch.
 */
export type FeedbackListRow = {
  feedbackId: string;
  workspaceId: string;
  title: string;
  description: string;
  boardId: string;
  categoryId: string | null;
  /** Who asked: the customer when a teammate captured it for one. */
  authorId: string;
  capturedBy: string | null;
  source: FeedbackSourceName;
  quote: string | null;
  status: FeedbackStatus;
  statusKind: StatusKind;
  tags: string[];
  moderation: ModerationStateName;
  spam: boolean;
  mergedInto: string | null;
  duplicateCount: number;
  /** Distinct people with a standing vote on it or on any duplicate merged into it. */
  voteCount: number;
  /** Sum of the MRR of the distinct companies of those voters, in cents. */
  revenueCents: number;
  /** Public comments not deleted, on it and its duplicates. */
  commentCount: number;
  /** First public teammate comment or status change; null while unanswered. */
  firstResponseAt: string | null;
  /** Version of the feedback stream: the ETag for edits. Votes and comments live in other streams. */
  version: number;
  createdAt: string;
  lastActivityAt: string;
};

export type FeedbackListEvent = ProjectedEvent<FeedbackEvent | VoteEvent | CommentEvent>;

export const feedbackListEventTypes = [
  'FeedbackSubmitted',
  'FeedbackEdited',
  'FeedbackStatusChanged',
  'FeedbackTagged',
  'FeedbackUntagged',
  'FeedbackCategorised',
  'FeedbackApproved',
  'FeedbackRejected',
  'FeedbackMarkedSpam',
  'FeedbackSpamCleared',
  'FeedbackMerged',
  'FeedbackDuplicateAbsorbed',
  'FeedbackUnmerged',
  'FeedbackDuplicateReleased',
  'VoteCast',
  'VoteWithdrawn',
  'CommentPosted',
  'CommentEdited',
  'CommentDeleted',
] as const satisfies readonly FeedbackListEvent['type'][];

/** The row an event belongs to, so a runner can load all rows of a batch at once. */
export const feedbackListRowKey = (event: FeedbackListEvent): string => event.data.feedbackId;

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string | null, b: string): string => (a !== null && a < b ? a : b);

const isFeedbackStreamEvent = (event: FeedbackListEvent): event is ProjectedEvent<FeedbackEvent> =>
  event.streamId.startsWith('feedback-');

/** The row as the decision state sees it, so the row takes every feedback fact from `evolveFeedback`. */
const feedbackOf = (row: FeedbackListRow): ExistingFeedback => ({
  exists: true,
  id: row.feedbackId,
  title: row.title,
  description: row.description,
  boardId: row.boardId,
  categoryId: row.categoryId,
  authorId: row.authorId,
  status: row.status,
  statusKind: row.statusKind,
  tags: row.tags,
  moderation: row.moderation,
  spam: row.spam,
  mergedInto: row.mergedInto,
  duplicates: [],
});

const withFeedback = (row: FeedbackListRow, feedback: Feedback): FeedbackListRow =>
  feedback.exists
    ? {
        ...row,
        title: feedback.title,
        description: feedback.description,
        boardId: feedback.boardId,
        categoryId: feedback.categoryId,
        authorId: feedback.authorId,
        status: feedback.status,
        statusKind: feedback.statusKind,
        tags: feedback.tags,
        moderation: feedback.moderation,
        spam: feedback.spam,
        mergedInto: feedback.mergedInto,
      }
    : row;

/**
 * Pure evolve of one inbox row. Returns the row unchanged for a feedback event it has already
 * applied (at or below the row's version), so replays are harmless.
 */
export const evolveFeedbackListRow = (
  row: FeedbackListRow | undefined,
  event: FeedbackListEvent,
): FeedbackListRow | undefined => {
  if (event.type === 'FeedbackSubmitted') {
    if (row && row.version >= event.streamVersion) return row;
    const facts = submittedFacts(event.data);
    const submitted: FeedbackListRow = {
      feedbackId: event.data.feedbackId,
      workspaceId: event.workspaceId,
      title: event.data.title,
      description: event.data.description,
      boardId: event.data.boardId,
      categoryId: facts.categoryId,
      authorId: event.data.authorId,
      capturedBy: facts.capturedBy,
      source: facts.source,
      quote: facts.quote,
      status: facts.statusId,
      statusKind: defaultStatusKind(facts.statusId),
      tags: [],
      moderation: facts.moderation,
      spam: false,
      mergedInto: null,
      duplicateCount: 0,
      voteCount: row?.voteCount ?? 0,
      revenueCents: row?.revenueCents ?? 0,
      commentCount: row?.commentCount ?? 0,
      firstResponseAt: null,
      version: event.streamVersion,
      createdAt: event.occurredAt,
      lastActivityAt: later(row?.lastActivityAt ?? event.occurredAt, event.occurredAt),
    };
    return withFeedback(submitted, evolveFeedback(initialFeedback(), event));
  }
  if (!row) return row;
  const lastActivityAt = later(row.lastActivityAt, event.occurredAt);
  if (isFeedbackStreamEvent(event)) {
    if (row.version >= event.streamVersion) return row;
    const next = withFeedback(
      { ...row, lastActivityAt, version: event.streamVersion },
      evolveFeedback(feedbackOf(row), event),
    );
    if (event.type === 'FeedbackStatusChanged') {
      return { ...next, firstResponseAt: earlier(row.firstResponseAt, event.occurredAt) };
    }
    if (event.type === 'FeedbackDuplicateAbsorbed') {
      return { ...next, duplicateCount: row.duplicateCount + 1 };
    }
    if (event.type === 'FeedbackDuplicateReleased') {
      return { ...next, duplicateCount: Math.max(0, row.duplicateCount - 1) };
    }
    return next;
  }
  const touched = { ...row, lastActivityAt };
  return event.type === 'CommentPosted' && event.data.byStaff && event.data.visibility === 'public'
    ? { ...touched, firstResponseAt: earlier(row.firstResponseAt, event.occurredAt) }
    : touched;
};
