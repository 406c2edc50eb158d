import type { BacklogItemStatus, Criterion } from '../backlog/backlog-item';
import type { backlogItemKinds, workStates } from '../backlog/backlog.events';

// Shapes of the sprints HTTP API, shared by the API (whose zod schemas must satisfy them) and the web app.

export const sprintStates = ['planned', 'active', 'completed'] as const;
export type SprintStateName = (typeof sprintStates)[number];
export type WorkStateName = (typeof workStates)[number];

/** `POST /api/v1/sprints`; dates like 2027-01-31, the end after the start. */
export type SprintInput = {
  name: string;
  goal?: string;
  startDate: string;
  endDate: string;
  /** Points the team expects to finish. */
  capacity: number;
};
/** `PATCH /api/v1/sprints/:id` with If-Match: only the fields given change. */
export type EditSprintInput = Partial<SprintInput>;

export type SprintView = {
  id: string;
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  capacity: number;
  state: SprintStateName;
  /** Estimates of every item in the sprint, accepted ones included. */
  plannedPoints: number;
  /** Estimates of the accepted (or since released) items: the sprint's velocity. */
  acceptedPoints: number;
  itemCount: number;
  overCapacity: boolean;
  /** Version of the sprint's stream: the ETag for edits. */
  version: number;
};

export type SprintItemView = {
  id: string;
  title: string;
  kind: (typeof backlogItemKinds)[number];
  estimate: number | null;
  status: BacklogItemStatus;
  acceptanceCriteria: Criterion[];
  ready: boolean;
};

/** The sprint board's columns; released items stay in `accepted`. */
export const sprintBoardColumns = ['todo', 'in_progress', 'in_review', 'done', 'accepted'] as const;
export type SprintBoardColumn = (typeof sprintBoardColumns)[number];
export type SprintBoard = Record<SprintBoardColumn, SprintItemView[]>;

export type SprintDetail = SprintView & { items: SprintBoard };
/** `GET /api/v1/sprints`: a page, newest first; `nextCursor` fetches the next, null on the last. */
export type SprintList = { items: SprintView[]; nextCursor: string | null };

/** `POST /api/v1/sprints/:id/items`. */
export type PlanItemRequest = { itemId: string };
/** Planning past the capacity is allowed; `warning` says by how much. */
export type PlanResult = { sprint: SprintView; warning: string | null };

/**
 * `POST /api/v1/sprints/:id/complete`: where the unfinished items go, `backlog` or the id of
 * the sprint to carry them into.
 */
export type CompleteSprintRequest = { carryOverTo: string };
export type CompleteSprintResult = {
  sprint: SprintView;
  acceptedItemIds: string[];
  /** `to` is the next sprint's id, or null for the backlog. */
  carriedOver: { itemId: string; to: string | null }[];
};

/** `POST /api/v1/backlog/:id/work-state`. */
export type ChangeWorkStateRequest = { to: WorkStateName };
/** `POST /api/v1/backlog/:id/reject`: the reason goes back to the team. */
export type RejectItemRequest = { reason: string };
/** The answer of a work-state change, an acceptance or a rejection. */
export type SprintItemChanged = { id: string; version: number; status: BacklogItemStatus };
