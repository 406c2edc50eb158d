import type { Projection } from '@chorus/event-store';
import { backlogProjection } from './backlog/backlog.projection';
import { feedbackFollowersProjection } from './feedback-followers/feedback-followers.projection';
import { feedbackListProjection } from './feedback-list/feedback-list.projection';
import { kpisProjection } from './kpis/kpis.projection';
import { notificationsProjection } from './notifications/notifications.projection';
import { releasesProjection } from './releases/releases.projection';
import { roadmapProjection } from './roadmap/roadmap.projection';
import { sprintsProjection } from './sprints/sprints.projection';
import { workspacesProjection } from './workspaces/workspaces.projection';

/** Every projection the worker runs; the rebuild command rebuilds all of them. */
export const projections: readonly Projection[] = [
  workspacesProjection,
  feedbackListProjection,
  feedbackFollowersProjection,
  backlogProjection,
  releasesProjection,
  notificationsProjection,
  sprintsProjection,
  roadmapProjection,
  kpisProjection,
];
