import type { roadmapLanes } from '../roadmap/initiative.events';

// Shapes of the roadmap HTTP API, shared by the API (whose zod schemas must satisfy them) and the web app.

export type RoadmapLaneName = (typeof roadmapLanes)[number];
export type InitiativeVisibilityName = 'public' | 'internal';

/** `POST /api/v1/initiatives`. */
export type InitiativeInput = {
  title: string;
  description?: string;
  lane: RoadmapLaneName;
  /** Like 2027-Q1; omitted or null while unscheduled. */
  quarter?: string | null;
  /** Internal unless said otherwise. */
  visibility?: InitiativeVisibilityName;
};
/** `PATCH /api/v1/initiatives/:id` with If-Match: only the fields given change. */
export type EditInitiativeInput = Partial<
  Pick<InitiativeInput, 'title' | 'description' | 'quarter' | 'visibility'>
>;
/** `POST /api/v1/initiatives/:id/move`. */
export type MoveInitiativeRequest = { lane: RoadmapLaneName };

/**
 * Computed from the backlog items linked to the initiative: accepted or released items are done.
 * `percent` weighs items by their estimates, or counts them while none is estimated.
 */
export type InitiativeProgress = {
  itemCount: number;
  doneItemCount: number;
  points: number;
  donePoints: number;
  percent: number;
};

export type InitiativeView = {
  id: string;
  title: string;
  description: string;
  lane: RoadmapLaneName;
  quarter: string | null;
  visibility: InitiativeVisibilityName;
  progress: InitiativeProgress;
  /** Version of the initiative's stream: the ETag for edits. */
  version: number;
};
export type InitiativeChanged = { id: string; version: number };

/** The same initiatives by lane and along the quarter timeline (earliest first). */
export type Roadmap<I> = {
  lanes: Record<RoadmapLaneName, I[]>;
  quarters: { quarter: string; initiatives: I[] }[];
  /** Initiatives not on the timeline yet. */
  unscheduled: I[];
};
export type RoadmapView = Roadmap<InitiativeView>;

export type PublicInitiativeView = Pick<
  InitiativeView,
  'id' | 'title' | 'description' | 'lane' | 'quarter'
> & { progress: Pick<InitiativeProgress, 'percent'> };
/** `GET /api/v1/public/:workspaceSlug/roadmap`: public initiatives only, for anyone. */
export type PublicRoadmapView = Roadmap<PublicInitiativeView> & {
  workspace: { name: string; slug: string };
};
