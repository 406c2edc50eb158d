import type { FeedbackSourceName, FeedbackStatus } from '../feedback/feedback-workflow';
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

export const feedbackSorts = ['votes', 'revenue', 'newest', 'activity', 'trending'] as const;
export type FeedbackSort = (typeof feedbackSorts)[number];

/** Which slice of the inbox: published items, the moderation queue, spam, or merged duplicates. */
export const inboxViews = ['inbox', 'pending', 'spam', 'merged'] as const;
export type InboxView = (typeof inboxViews)[number];

export type FeedbackFilters = {
  view?: InboxView;
  status?: FeedbackStatus;
  boardId?: string;
  categoryId?: string;
  tagId?: string;
  segment?: string;
  companyId?: string;
  plan?: string;
  source?: FeedbackSourceName;
  /** Only feedback no teammate has answered (public comment or status change). */
  unanswered?: boolean;
};

/** One inbox item as a reader sees it: the read-model row, plus whether the reader voted and follows. */
export type FeedbackItem = Omit<FeedbackListRow, 'feedbackId' | 'workspaceId'> & {
  id: string;
  votedByMe: boolean;
  /** Whether the reader follows it: as its author, a voter or by choice (an unfollow wins). */
  following: boolean;
  /** Votes cast in the last 7 days, on it and its duplicates (the trending sort). */
  recentVotes: number;
};

/** `GET /api/v1/feedback`, and `GET /api/v1/me/feedback`: the reader's own posts, pending too. */
export type FeedbackPage = { items: FeedbackItem[]; nextCursor: string | null };

export type OnBehalfOfInput = {
  /** The customer's id in Chorus, or their external id from your application. */
  customerId?: string;
  customerExternalId?: string;
  source: FeedbackSourceName;
  quote?: string;
};

export type SubmitFeedbackInput = {
  title: string;
  description?: string;
  boardId?: string;
  categoryId?: string;
  onBehalfOf?: OnBehalfOfInput;
};

export type SubmittedFeedback = Pick<
  FeedbackItem,
  | 'id'
  | 'version'
  | 'title'
  | 'description'
  | 'boardId'
  | 'authorId'
  | 'status'
  | 'moderation'
  | 'source'
>;

export type EditFeedbackInput = Partial<
  Pick<SubmitFeedbackInput, 'title' | 'description' | 'boardId'>
>;
export type EditedFeedback = { id: string; version: number };
export type VoteInput = { onBehalfOf?: OnBehalfOfInput };
export type VoteResult = { feedbackId: string; voted: boolean };
export type StatusChanged = { id: string; version: number; status: FeedbackStatus };

/** Tagging, moderation and spam: `POST /api/v1/feedback/:id/{tags,approve,reject,spam}`. */
export type FeedbackChanged = { id: string; version: number };
export type RejectFeedbackInput = { reason?: string };
/** `PUT /api/v1/feedback/:id/category`; null takes it out of its category. */
export type CategoriseFeedbackInput = { categoryId: string | null };
export type MergeFeedbackInput = { intoId: string };
export type MergeResult = { duplicateId: string; intoId: string | null };

/** What merging would do, before doing it: the survivor's count afterwards, counting shared voters once. */
export type MergePreview = {
  duplicate: Pick<FeedbackItem, 'id' | 'title' | 'voteCount' | 'commentCount' | 'status'>;
  into: Pick<FeedbackItem, 'id' | 'title' | 'voteCount' | 'commentCount' | 'status'>;
  sharedVoters: number;
  voteCountAfter: number;
  revenueCentsAfter: number;
  followerCountAfter: number;
  /** Why the merge would be refused, if it would. */
  problem: string | null;
};

export type TimelineEntry = {
  /** The event's type, e.g. `FeedbackStatusChanged`, `VoteCast`, `CommentPosted`. */
  type: string;
  at: string;
  actor: { id: string; name: string | null };
  /** A sentence for people, built from the event with today's names for statuses, tags and boards. */
  summary: string;
  /** Set for events of a duplicate merged into this item. */
  viaDuplicateId: string | null;
  data: Record<string, unknown>;
};
export type Timeline = { entries: TimelineEntry[] };

export type CommentView = {
  id: string;
  feedbackId: string;
  parentId: string | null;
  author: { id: string; name: string | null; staff: boolean };
  visibility: 'public' | 'internal';
  body: string;
  mentions: { id: string; name: string | null }[];
  createdAt: string;
  editedAt: string | null;
  replies: CommentView[];
};
export type CommentList = { comments: CommentView[] };
export type PostCommentInput = {
  body: string;
  visibility?: 'public' | 'internal';
  parentId?: string;
  mentions?: string[];
};
export type EditCommentInput = { body: string; mentions?: string[] };

export type Follower = { id: string; name: string | null; reason: 'author' | 'voter' | 'explicit' };
export type FollowerList = { followers: Follower[] };
export type FollowState = { feedbackId: string; following: boolean; followerCount: number };

export type SearchHit = Pick<
  FeedbackItem,
  'id' | 'title' | 'status' | 'voteCount' | 'boardId' | 'mergedInto'
> & {
  rank: number;
  /** The matched text with <mark> around matches (HTML-escaped otherwise). */
  snippet: string;
};
export type SearchResult = { hits: SearchHit[] };
export type SimilarFeedback = {
  suggestions: (Pick<FeedbackItem, 'id' | 'title' | 'status' | 'voteCount'> & {
    similarity: number;
  })[];
};

export type Teammate = { id: string; name: string; email: string; role: ActorRoleName };
export type TeammateList = { teammates: Teammate[] };
