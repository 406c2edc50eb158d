import { z } from 'zod';

export * from './feedback-workflow';

/** The six statuses of the foundation's fixed workflow: the schema of v1 status events. */
export const DefaultFeedbackStatus = z.enum([
  'open',
  'under_review',
  'planned',
  'in_progress',
  'done',
  'declined',
]);
