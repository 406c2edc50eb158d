import type { FeedbackSort, FeedbackStatus } from '@chorus/domain/client';

// The API's shapes come from the domain, shared with the server's schemas.
export type {
  EditedFeedback,
  EditFeedbackInput,
  FeedbackItem,
  FeedbackPage,
  FeedbackSort,
  Me,
  StatusChanged,
  SubmitFeedbackInput,
  SubmittedFeedback,
  VoteResult,
} from '@chorus/domain/client';

export type FeedbackPageQuery = {
  sort: FeedbackSort;
  status: FeedbackStatus | null;
  limit: number;
  cursor: string | null;
};
