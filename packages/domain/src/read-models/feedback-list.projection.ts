import type { FeedbackEvent } from '../feedback/feedback.events';
import type { FeedbackStatus } from '../feedback/feedback-status';
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

/** One row of the inbox: everything the feedback list and detail screens show. */
export type FeedbackListRow = {
  feedbackId: string;
  workspaceId: string;
  title: string;
  description: string;
  boardId: string;
  authorId: string;
  status: FeedbackStatus;
  /** Votes standing now. */
  voteCount: number;
  /** Distinct people who have voted at any time, including those who later withdrew. */
  voterCount: number;
  /** Version of the feedback stream: the ETag for edits. Votes live in other streams. */
  version: number;
  createdAt: string;
  lastActivityAt: string;
};

export type FeedbackListEvent = ProjectedEvent<FeedbackEvent | VoteEvent>;

export const feedbackListEventTypes = [
  'FeedbackSubmitted',
  'FeedbackEdited',
  'FeedbackStatusChanged',
  'VoteCast',
  'VoteWithdrawn',
] as const satisfies readonly FeedbackListEvent['type'][];

/** The row an event belongs to, so a runner can load all rows of a batch at once. */
export const feedbackListRowKey = (event: FeedbackListEvent): string => event.data.feedbackId;

const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * Pure evolve of one inbox row. Returns the row unchanged for an event it has already applied
 * (a feedback event at or below the row's version), so replays are harmless.
 */
export const evolveFeedbackListRow = (
  row: FeedbackListRow | undefined,
  event: FeedbackListEvent,
): FeedbackListRow | undefined => {
  if (event.type === 'FeedbackSubmitted') {
    if (row && row.version >= event.streamVersion) return row;
    return {
      feedbackId: event.data.feedbackId,
      workspaceId: event.workspaceId,
      title: event.data.title,
      description: event.data.description,
      boardId: event.data.boardId,
      authorId: event.data.authorId,
      status: 'open',
      voteCount: row?.voteCount ?? 0,
      voterCount: row?.voterCount ?? 0,
      version: event.streamVersion,
      createdAt: event.occurredAt,
      lastActivityAt: later(row?.lastActivityAt ?? event.occurredAt, event.occurredAt),
    };
  }
  if (!row) return row;
  const lastActivityAt = later(row.lastActivityAt, event.occurredAt);
  switch (event.type) {
    case 'FeedbackEdited':
      if (row.version >= event.streamVersion) return row;
      return {
        ...row,
        title: event.data.title ?? row.title,
        description: event.data.description ?? row.description,
        boardId: event.data.boardId ?? row.boardId,
        version: event.streamVersion,
        lastActivityAt,
      };
    case 'FeedbackStatusChanged':
      if (row.version >= event.streamVersion) return row;
      return { ...row, status: event.data.to, version: event.streamVersion, lastActivityAt };
    case 'VoteCast':
      return {
        ...row,
        voteCount: row.voteCount + 1,
        voterCount: row.voterCount + (event.streamVersion === 1 ? 1 : 0),
        lastActivityAt,
      };
    case 'VoteWithdrawn':
      return { ...row, voteCount: Math.max(0, row.voteCount - 1), lastActivityAt };
  }
};
