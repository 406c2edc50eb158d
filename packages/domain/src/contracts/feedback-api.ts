import type { FeedbackStatus } from '../feedback/feedback-workflow';
import type { ActorRoleName } from '../shared/roles';
import type { FeedbackListRow } from '../read-models/feedback-list.projection';

// Shapes of the HTTP API, shared by the API (whose zod schemas must satisfy them) and the web app.

export type Me = {
  id: string;
  name: string;
  email: string;
  role: ActorRoleName;
  workspace: { id: string; name: string; slug: string };
};

export const feedbackSorts = ['votes', 'newest', 'activity'] as const;
export type FeedbackSort = (typeof feedbackSorts)[number];

/** One inbox item as a reader sees it: the read-model row, plus whether the reader voted. */
export type FeedbackItem = Omit<FeedbackListRow, 'feedbackId' | 'workspaceId'> & {
  id: string;
  votedByMe: boolean;
};

export type FeedbackPage = { items: FeedbackItem[]; nextCursor: string | null };

export type SubmitFeedbackInput = { title: string; description?: string; boardId?: string };

export type SubmittedFeedback = Pick<
  FeedbackItem,
  'id' | 'version' | 'title' | 'description' | 'boardId' | 'authorId' | 'status'
>;

export type EditFeedbackInput = Partial<SubmitFeedbackInput>;
export type EditedFeedback = { id: string; version: number };
export type VoteResult = { feedbackId: string; voted: boolean };
export type StatusChanged = { id: string; version: number; status: FeedbackStatus };
