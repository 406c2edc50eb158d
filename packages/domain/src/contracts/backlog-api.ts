import type { FeedbackStatus } from '../feedback/feedback-workflow';

// Shapes of the backlog HTTP API, shared by the API (whose zod schemas must satisfy them) and the web app.

export const backlogItemKindNames = ['epic', 'story', 'task'] as const;
export type BacklogItemKindName = (typeof backlogItemKindNames)[number];

/** Where an item is in its life: waiting in the backlog, worked on in a sprint, accepted, shipped. */
export const backlogItemStatusNames = [
  'backlog',
  'todo',
  'in_progress',
  'in_review',
  'done',
  'accepted',
  'released',
] as const;
export type BacklogItemStatusName = (typeof backlogItemStatusNames)[number];

/** One given/when/then acceptance criterion; `met` once the Product Owner checked it off. */
export type AcceptanceCriterionView = {
  id: string;
  given: string;
  when: string;
  then: string;
  met: boolean;
};

/** A piece of feedback the item answers, with its demand as the inbox counts it. */
export type LinkedFeedbackSummary = {
  id: string;
  title: string;
  status: FeedbackStatus;
  voteCount: number;
  revenueCents?: number;
};

/** A story of an epic, a task of a story. */
export type BacklogChildSummary = {
  id: string;
  kind: BacklogItemKindName;
  title: string;
  status: BacklogItemStatusName;
  estimate: number | null;
  rank: string;
};

export type BacklogItemView = {
  id: string;
  kind: BacklogItemKindName;
  parentId: string | null;
  title: string;
  description: string;
  acceptanceCriteria: AcceptanceCriterionView[];
  /** Story points; null until estimated. */
  estimate: number | null;
  labels: string[];
  ownerId: string | null;
  /** A fractional-indexing key: the backlog sorts by it (byte order), then by id. */
  rank: string;
  status: BacklogItemStatusName;
  sprintId: string | null;
  initiativeId: string | null;
  releaseId: string | null;
  /** Definition of Ready: it has acceptance criteria and an estimate. */
  ready: boolean;
  /** Why it is not ready, as a sentence; null when ready. */
  notReadyReason: string | null;
  feedback: LinkedFeedbackSummary[];
  children: BacklogChildSummary[];
  /** Version of the item's stream: the ETag for edits. */
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type AcceptanceCriterionInput = { id?: string; given: string; when: string; then: string };

/** `POST /api/v1/backlog`. */
export type BacklogItemInput = {
  kind: BacklogItemKindName;
  title: string;
  description?: string;
  /** A story's epic or a task's story; an epic has none. */
  parentId?: string | null;
  acceptanceCriteria?: Omit<AcceptanceCriterionInput, 'id'>[];
  estimate?: number | null;
  labels?: string[];
  ownerId?: string | null;
  /** Feedback the item answers, linked when it is created. */
  feedbackIds?: string[];
  /** Where it goes in the backlog; the bottom unless said otherwise. */
  position?: 'top' | 'bottom';
};

/** `PATCH /api/v1/backlog/:id` with If-Match: only the fields given change. */
export type EditBacklogItemInput = Partial<
  Pick<BacklogItemInput, 'title' | 'description' | 'parentId' | 'estimate' | 'labels' | 'ownerId'>
>;

/**
 * `PUT /api/v1/backlog/:id/acceptance-criteria` with If-Match, as it replaces the whole ordered
 * list; criteria kept by id keep `met`, criteria without an id are new.
 */
export type ChangeAcceptanceCriteriaInput = { criteria: AcceptanceCriterionInput[] };
/** `PUT /api/v1/backlog/:id/acceptance-criteria/:criterionId`. */
export type CheckAcceptanceCriterionInput = { met: boolean };

/** `POST /api/v1/backlog/:id/rank`: put it after one item and/or before another, as drag and drop says. */
export type RankRequest = { afterId?: string | null; beforeId?: string | null };
/** `PUT /api/v1/backlog/:id/initiative`; null takes it off its initiative. */
export type SetInitiativeInput = { initiativeId: string | null };

/** The answer of every command on an existing item. */
export type BacklogItemChanged = { id: string; version: number };
export type RankedBacklogItem = BacklogItemChanged & { rank: string };

export type BacklogFilters = {
  kind?: BacklogItemKindName;
  /** Comma-separated statuses. */
  status?: string;
  /** A sprint's id, or `none` for items in no sprint. */
  sprintId?: string;
  initiativeId?: string;
  label?: string;
  parentId?: string;
  /** Words in the title. */
  q?: string;
  cursor?: string;
  limit?: number;
};

export type BacklogPage = { items: BacklogItemView[]; nextCursor: string | null };

/** `GET /api/v1/feedback/:id/backlog-items`: the backlog items that answer a piece of feedback. */
export type FeedbackBacklogItems = {
  items: Pick<BacklogItemView, 'id' | 'kind' | 'title' | 'status' | 'estimate' | 'sprintId'>[];
};
