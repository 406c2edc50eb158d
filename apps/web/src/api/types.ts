import type { FeedbackStatus } from '@chorus/domain/client';

export type Role = 'admin' | 'staff' | 'customer';

export type Me = {
  id: string;
  name: string;
  role: Role;
  workspace: { id: string; name: string; slug: string };
};

export type FeedbackSort = 'votes' | 'newest' | 'activity';

export type FeedbackItem = {
  id: string;
  title: string;
  description: string;
  boardId: string;
  authorId: string;
  status: FeedbackStatus;
  voteCount: number;
  voterCount: number;
  votedByMe: boolean;
  version: number;
  createdAt: string;
  lastActivityAt: string;
};

export type FeedbackPage = {
  items: FeedbackItem[];
  nextCursor: string | null;
};

export type FeedbackPageQuery = {
  sort: FeedbackSort;
  status: FeedbackStatus | null;
  limit: number;
  cursor: string | null;
};

export type SubmitFeedbackInput = {
  title: string;
  description?: string;
  boardId?: string;
};

/** The contract promises these fields and may send the rest of the item too. */
export type SubmittedFeedback = Pick<FeedbackItem, 'id' | 'version' | 'title' | 'status'> &
  Partial<FeedbackItem>;

export type EditFeedbackInput = {
  title?: string;
  description?: string;
};

export type EditedFeedback = { id: string; version: number };

export type VoteResult = { feedbackId: string; voted: boolean };

export type StatusChanged = { id: string; version: number; status: FeedbackStatus };
