import type { CommentEvent } from '../comments/comment.events';
import { submittedFacts } from '../feedback/feedback';
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
const without = (list: readonly string[], item: string) => list.filter((x) => x !== item);

const isFeedbackStreamEvent = (event: FeedbackListEvent): event is ProjectedEvent<FeedbackEvent> =>
  event.streamId.startsWith('feedback-');

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
    return {
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
  }
  if (!row) return row;
  if (isFeedbackStreamEvent(event) && row.version >= event.streamVersion) return row;
  const touched = {
    ...row,
    lastActivityAt: later(row.lastActivityAt, event.occurredAt),
    version: isFeedbackStreamEvent(event) ? event.streamVersion : row.version,
  };
  switch (event.type) {
    case 'FeedbackEdited':
      return {
        ...touched,
        title: event.data.title ?? row.title,
        description: event.data.description ?? row.description,
        boardId: event.data.boardId ?? row.boardId,
      };
    case 'FeedbackStatusChanged':
      return {
        ...touched,
        status: event.data.to,
        statusKind: event.data.toKind ?? defaultStatusKind(event.data.to),
        firstResponseAt: earlier(row.firstResponseAt, event.occurredAt),
      };
    case 'FeedbackTagged':
      return { ...touched, tags: [...without(row.tags, event.data.tagId), event.data.tagId] };
    case 'FeedbackUntagged':
      return { ...touched, tags: without(row.tags, event.data.tagId) };
    case 'FeedbackCategorised':
      return { ...touched, categoryId: event.data.categoryId };
    case 'FeedbackApproved':
      return { ...touched, moderation: 'approved' };
    case 'FeedbackRejected':
      return { ...touched, moderation: 'rejected' };
    case 'FeedbackMarkedSpam':
      return { ...touched, spam: true };
    case 'FeedbackSpamCleared':
      return { ...touched, spam: false };
    case 'FeedbackMerged':
      return { ...touched, mergedInto: event.data.intoId };
    case 'FeedbackUnmerged':
      return { ...touched, mergedInto: null };
    case 'FeedbackDuplicateAbsorbed':
      return { ...touched, duplicateCount: row.duplicateCount + 1 };
    case 'FeedbackDuplicateReleased':
      return { ...touched, duplicateCount: Math.max(0, row.duplicateCount - 1) };
    case 'CommentPosted':
      return event.data.byStaff && event.data.visibility === 'public'
        ? { ...touched, firstResponseAt: earlier(row.firstResponseAt, event.occurredAt) }
        : touched;
    case 'VoteCast':
    case 'VoteWithdrawn':
    case 'CommentEdited':
    case 'CommentDeleted':
      return touched;
  }
};
