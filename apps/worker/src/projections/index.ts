import type { Projection } from '@chorus/event-store';
import { backlogProjection } from './backlog/backlog.projection';
import { emailOutboxProjection } from './email-outbox/email-outbox.projection';
import { feedbackFollowersProjection } from './feedback-followers/feedback-followers.projection';
import { feedbackListProjection } from './feedback-list/feedback-list.projection';
import { kpisProjection } from './kpis/kpis.projection';
import { notificationsProjection } from './notifications/notifications.projection';
import { releasesProjection } from './releases/releases.projection';
import { roadmapProjection } from './roadmap/roadmap.projection';
import { sprintsProjection } from './sprints/sprints.projection';
import { workspacesProjection } from './workspaces/workspaces.projection';
import { webhookDeliveriesProjection } from './webhook-deliveries/webhook-deliveries.projection';

/** Every projection the worker runs; the rebuild command rebuilds all of them. */
export const projections: readonly Projection[] = [
  workspacesProjection,
  feedbackListProjection,
  feedbackFollowersProjection,
  backlogProjection,
  releasesProjection,
  notificationsProjection,
  emailOutboxProjection,
  sprintsProjection,
  roadmapProjection,
  kpisProjection,
  webhookDeliveriesProjection,
];
