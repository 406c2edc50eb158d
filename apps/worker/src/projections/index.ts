import type { Projection } from '@chorus/event-store';
import { feedbackBallotsProjection } from './feedback-ballots/feedback-ballots.projection';
import { feedbackListProjection } from './feedback-list/feedback-list.projection';

/** Every projection the worker runs; the rebuild command rebuilds all of them. */
export const projections: readonly Projection[] = [feedbackListProjection, feedbackBallotsProjection];
