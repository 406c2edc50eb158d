import type { Projection } from '@chorus/event-store';
import { feedbackFollowersProjection } from './feedback-followers/feedback-followers.projection';
import { feedbackListProjection } from './feedback-list/feedback-list.projection';
import { workspacesProjection } from './workspaces/workspaces.projection';

/** Every projection the worker runs; the rebuild command rebuilds all of them. */
export const projections: readonly Projection[] = [
  workspacesProjection,
  feedbackListProjection,
  feedbackFollowersProjection,
];
