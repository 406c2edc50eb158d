import type {
  Actor,
  Catalog,
  Comment,
  Company,
  EventMetadata,
  Feedback,
  FeedbackEvent,
  FeedbackStatus,
} from '@chorus/domain';
import type { NewEvent } from '@chorus/event-store';
import type { Random } from './sampling';

/** One event of the seed, as it goes into `events`: ids and times come from the generator. */
export type SeedEvent = {
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
};

export type Teammate = Actor & {
  name: string;
  email: string;
  role: 'admin' | 'product_owner' | 'teammate';
};

export type Team = {
  admin: Teammate;
  /** Triages, answers and runs the planning loop. */
  productOwner: Teammate;
  support: readonly Teammate[];
  /** Capture feedback and votes from calls and tickets on customers' behalf. */
  capturers: readonly Teammate[];
  everyone: readonly Teammate[];
};

export type CompanyRecord = {
  index: number;
  companyId: string;
  externalId: string;
  state: Company;
  version: number;
  /** How many people it brings and how often it is interested in a request. */
  size: number;
  /** Its people, in the order they are assigned. */
  people: number[];
  /** Its people who have joined so far. */
  members: number[];
};

export type CustomerRecord = {
  index: number;
  actor: Actor;
  externalId: string;
  company: number;
  /** How often they vote and post, relative to others. */
  activity: number;
};

export type CommentRecord = { commentId: string; state: Comment };

export type FeedbackRecord = {
  index: number;
  feedbackId: string;
  state: Feedback;
  version: number;
  /** Feature × area: near-duplicates share it. */
  topic: number;
  wording: number;
  /** Its share of the votes while open (Zipf-like over all items). */
  popularity: number;
  /** New requests draw more votes for a few weeks. */
  fresh: boolean;
  /** The companies that care most: most of its votes come from their people. */
  home: number[];
  /** Standing voters (customer indices). */
  voters: number[];
  /** Everyone who ever voted on it: a ballot is cast once. */
  ballots: Set<number>;
  /** Customer index of the author, or -1 for a teammate's own post. */
  author: number;
  /** The backlog item answering it, once the Product Owner made one. */
  linkedTo: string | null;
};

/** What the planning loop needs from the history it runs in. */
export type World = {
  readonly random: Random;
  readonly newId: () => string;
  readonly team: Team;
  readonly start: number;
  readonly end: number;
  now: () => number;
  catalog: () => Catalog;
  /** Runs `run` at `at` (never earlier than now); dropped if the history ends first. */
  schedule: (at: number, run: () => void) => void;
  /** Records a decision's events on a stream at `version`, as `actor`, now. */
  emit: (
    streamId: string,
    version: number,
    events: readonly NewEvent[],
    actor: Actor,
    correlationId?: string,
  ) => void;
  feedback: readonly FeedbackRecord[];
  feedbackById: (feedbackId: string) => FeedbackRecord | undefined;
  customers: readonly CustomerRecord[];
  /** Folds events already emitted on the item's stream into its record. */
  foldFeedback: (record: FeedbackRecord, events: readonly FeedbackEvent[]) => void;
  /** Moves feedback along the workflow's transitions to `status`, if it can get there. */
  moveFeedback: (record: FeedbackRecord, status: FeedbackStatus, actor: Actor) => void;
};
