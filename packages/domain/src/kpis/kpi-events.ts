import type { BacklogItemEvent } from '../backlog/backlog.events';
import type { CommentEvent } from '../comments/comment.events';
import type { CompanyEvent, CustomerEvent } from '../customers/customers.events';
import type { FeedbackEvent } from '../feedback/feedback.events';
import type { PersonNotified } from '../notifications/notification.events';
import type { InitiativeEvent } from '../roadmap/initiative.events';
import type { SprintEvent } from '../sprints/sprint.events';
import type { VoteEvent } from '../vote/vote.events';

/** Every event type a KPI is computed from: what a KPI projection reads from the log. */
export const kpiEventTypes = [
  'FeedbackSubmitted',
  'FeedbackEdited',
  'FeedbackStatusChanged',
  'FeedbackApproved',
  'FeedbackRejected',
  'FeedbackMarkedSpam',
  'FeedbackSpamCleared',
  'FeedbackMerged',
  'FeedbackUnmerged',
  'VoteCast',
  'VoteWithdrawn',
  'CommentPosted',
  'CustomerCreated',
  'CustomerUpdated',
  'CompanyCreated',
  'CompanyUpdated',
  'BacklogItemCreated',
  'BacklogItemEdited',
  'AcceptanceCriteriaChanged',
  'FeedbackLinkedToBacklogItem',
  'FeedbackUnlinkedFromBacklogItem',
  'BacklogItemInitiativeSet',
  'BacklogItemPlanned',
  'BacklogItemUnplanned',
  'BacklogItemAccepted',
  'BacklogItemReleased',
  'SprintCreated',
  'SprintEdited',
  'SprintStarted',
  'SprintCompleted',
  'InitiativeCreated',
  'InitiativeEdited',
  'InitiativeMoved',
  'InitiativeArchived',
  'PersonNotified',
] as const;
export type KpiEventType = (typeof kpiEventTypes)[number];

type DomainEvent =
  | FeedbackEvent
  | VoteEvent
  | CommentEvent
  | CustomerEvent
  | CompanyEvent
  | BacklogItemEvent
  | SprintEvent
  | InitiativeEvent
  | PersonNotified;

/**
 * A stored event as the KPI code sees it: its data, its workspace and when it happened
 * (`occurredAt`, an ISO timestamp in UTC). Days, weeks and quarters are those of `occurredAt`.
 */
export type KpiEvent = Extract<DomainEvent, { type: KpiEventType }> & {
  occurredAt: string;
  workspaceId: string;
};
