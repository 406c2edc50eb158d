import { createEventRegistry } from './shared/event-registry';
import { catalogEventDefinitions } from './catalog/catalog.events';
import { commentEventDefinitions } from './comments/comment.events';
import { customerEventDefinitions } from './customers/customers.events';
import { feedbackEventDefinitions } from './feedback/feedback.events';
import { followEventDefinitions } from './follow/follow';
import { voteEventDefinitions } from './vote/vote.events';
import { workspaceEventDefinitions } from './workspace/workspace.events';
import { apiKeyEventDefinitions } from './workspace/api-key.events';
import { personEventDefinitions } from './identity/person.events';
import { backlogItemEventDefinitions } from './backlog/backlog.events';
import { sprintEventDefinitions } from './sprints/sprint.events';
import { initiativeEventDefinitions } from './roadmap/initiative.events';
import { releaseEventDefinitions } from './releases/release.events';
import { notificationEventDefinitions } from './notifications/notification.events';
import { notificationPreferencesEventDefinitions } from './notifications/preferences.events';
import { scoringEventDefinitions } from './prioritisation/scoring.events';
import { webhookEventDefinitions } from './webhooks/webhook.events';

export * from './shared/actor';
export * from './shared/decider';
export * from './shared/errors';
export * from './shared/event-registry';
export * from './shared/valid';
export * from './shared/changes';
export * from './shared/html';
export * from './catalog/catalog';
export * from './catalog/catalog.events';
export * from './catalog/catalog.decider';
export * from './feedback/feedback-status';
export * from './feedback/feedback.events';
export * from './feedback/feedback';
export * from './feedback/feedback.decider';
export * from './feedback/merge';
export * from './vote/vote.events';
export * from './vote/ballot.decider';
export * from './comments/comment.events';
export * from './comments/comment.decider';
export * from './customers/customers.events';
export * from './customers/customers.decider';
export * from './follow/follow';
export * from './workspace/workspace.events';
export * from './workspace/workspace.decider';
export * from './workspace/api-key.events';
export * from './workspace/api-keys.decider';
export * from './identity/person.events';
export * from './identity/person.decider';
export * from './identity/password';
export * from './read-models/feedback-list.projection';
export * from './shared/roles';
export * from './shared/permissions';
export * from './shared/personal-data';
export * from './contracts/api-keys-api';
export * from './contracts/people-api';
export * from './identity/password-rule';
export * from './contracts/sso-api';
export * from './contracts/codes-api';
export * from './contracts/portal-sign-in-api';
export * from './contracts/feedback-api';
export * from './contracts/catalog-api';
export * from './contracts/customers-api';
export * from './contracts/dashboards-api';
export * from './contracts/sprints-api';
export * from './contracts/roadmap-api';
export * from './contracts/releases-api';
export * from './contracts/notifications-api';
export * from './contracts/notification-settings-api';
export * from './notifications/categories';
export * from './contracts/backlog-api';
export * from './contracts/prioritisation-api';
export * from './contracts/audit-api';
export * from './contracts/export-api';
export * from './contracts/imports-api';
export * from './contracts/webhooks-api';
export * from './backlog/backlog.events';
export * from './backlog/backlog-item';
export * from './backlog/rank';
export * from './backlog/backlog-item.decider';
export * from './sprints/sprint.events';
export * from './sprints/sprint';
export * from './sprints/sprint.decider';
export * from './sprints/planning';
export * from './roadmap/initiative.events';
export * from './roadmap/initiative';
export * from './roadmap/initiative.decider';
export * from './roadmap/initiative-progress';
export * from './releases/release.events';
export * from './releases/release';
export * from './releases/release.decider';
export * from './releases/publish';
export * from './notifications/notification.events';
export * from './notifications/notification-reads.decider';
export * from './notifications/preferences.events';
export * from './notifications/preferences.decider';
export * from './notifications/activity-notifications';
export * from './notifications/mentions';
export * from './prioritisation/scoring.events';
export * from './prioritisation/scoring';
export * from './prioritisation/scoring.decider';
export * from './prioritisation/formula';
export * from './prioritisation/backlog-item-factors';
export * from './kpis/kpi-events';
export * from './kpis/kpi-rollup';
export * from './kpis/kpi-queries';
export * from './kpis/kpi-calendar';
export * from './webhooks/webhook.events';
export * from './webhooks/webhook';
export * from './webhooks/webhook-record';
export * from './webhooks/webhook-url';
export * from './webhooks/webhook.decider';

/** Every event type Chorus stores, at every schema version it has had. */
export const chorusEvents = createEventRegistry([
  ...workspaceEventDefinitions,
  ...apiKeyEventDefinitions,
  ...personEventDefinitions,
  ...catalogEventDefinitions,
  ...feedbackEventDefinitions,
  ...voteEventDefinitions,
  ...commentEventDefinitions,
  ...customerEventDefinitions,
  ...followEventDefinitions,
  ...backlogItemEventDefinitions,
  ...sprintEventDefinitions,
  ...initiativeEventDefinitions,
  ...releaseEventDefinitions,
  ...notificationEventDefinitions,
  ...notificationPreferencesEventDefinitions,
  ...scoringEventDefinitions,
  ...webhookEventDefinitions,
]);
