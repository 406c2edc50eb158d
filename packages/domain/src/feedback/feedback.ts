import type { FeedbackEvent, FeedbackSubmitted } from './feedback.events';
import {
  defaultStatusKind,
  INITIAL_STATUS_ID,
  type FeedbackSourceName,
  type FeedbackStatus,
  type ModerationStateName,
  type StatusKind,
} from './feedback-workflow';

export type ExistingFeedback = {
  exists: true;
  id: string;
  title: string;
  description: string;
  boardId: string;
  categoryId: string | null;
  authorId: string;
  status: FeedbackStatus;
  statusKind: StatusKind;
  tags: string[];
  moderation: ModerationStateName;
  spam: boolean;
  /** Set while this item is merged into another: it then redirects there. */
  mergedInto: string | null;
  /** Items merged into this one. */
  duplicates: string[];
};
export type Feedback = { exists: false } | ExistingFeedback;

export const initialFeedback = (): Feedback => ({ exists: false });

/** The facts of a submission, with the defaults v1 events (before custom workflows) imply. */
export const submittedFacts = (
  data: FeedbackSubmitted['data'],
): {
  statusId: FeedbackStatus;
  moderation: ModerationStateName;
  source: FeedbackSourceName;
  capturedBy: string | null;
  quote: string | null;
  categoryId: string | null;
} => ({
  statusId: data.statusId ?? INITIAL_STATUS_ID,
  moderation: data.moderation ?? 'approved',
  source: data.source ?? 'app',
  capturedBy: data.capturedBy ?? null,
  quote: data.quote ?? null,
  categoryId: data.categoryId ?? null,
});

const without = (list: readonly string[], item: string) => list.filter((x) => x !== item);

export const evolveFeedback = (state: Feedback, event: FeedbackEvent): Feedback => {
  if (event.type === 'FeedbackSubmitted') {
    const facts = submittedFacts(event.data);
    return {
      exists: true,
      id: event.data.feedbackId,
      title: event.data.title,
      description: event.data.description,
      boardId: event.data.boardId,
      categoryId: facts.categoryId,
      authorId: event.data.authorId,
      status: facts.statusId,
      statusKind: defaultStatusKind(facts.statusId),
      tags: [],
      moderation: facts.moderation,
      spam: false,
      mergedInto: null,
      duplicates: [],
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'FeedbackEdited':
      return {
        ...state,
        title: event.data.title ?? state.title,
        description: event.data.description ?? state.description,
        boardId: event.data.boardId ?? state.boardId,
      };
    case 'FeedbackStatusChanged':
      return {
        ...state,
        status: event.data.to,
        statusKind: event.data.toKind ?? defaultStatusKind(event.data.to),
      };
    case 'FeedbackTagged':
      return { ...state, tags: [...without(state.tags, event.data.tagId), event.data.tagId] };
    case 'FeedbackUntagged':
      return { ...state, tags: without(state.tags, event.data.tagId) };
    case 'FeedbackCategorised':
      return { ...state, categoryId: event.data.categoryId };
    case 'FeedbackApproved':
      return { ...state, moderation: 'approved' };
    case 'FeedbackRejected':
      return { ...state, moderation: 'rejected' };
    case 'FeedbackMarkedSpam':
      return { ...state, spam: true };
    case 'FeedbackSpamCleared':
      return { ...state, spam: false };
    case 'FeedbackMerged':
      return { ...state, mergedInto: event.data.intoId };
    case 'FeedbackUnmerged':
      return { ...state, mergedInto: null };
    case 'FeedbackDuplicateAbsorbed':
      return { ...state, duplicates: [...state.duplicates, event.data.duplicateId] };
    case 'FeedbackDuplicateReleased':
      return { ...state, duplicates: without(state.duplicates, event.data.duplicateId) };
  }
};

/** Null when people may vote on this feedback now, otherwise a sentence that says why not. */
export const whyVotingIsClosed = (feedback: ExistingFeedback): string | null => {
  if (feedback.mergedInto) {
    return `This feedback was merged into ${feedback.mergedInto}; vote there instead.`;
  }
  if (feedback.spam) return 'This feedback was marked as spam.';
  if (feedback.moderation === 'pending') return 'This post is waiting for a moderator’s approval.';
  if (feedback.moderation === 'rejected') return 'This feedback was rejected by a moderator.';
  if (feedback.statusKind === 'done') return 'Voting is closed: this feedback is done.';
  if (feedback.statusKind === 'closed') return 'Voting is closed: this feedback is closed.';
  return null;
};
