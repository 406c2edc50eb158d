import { z } from 'zod';
import { feedbackStatuses } from './feedback-workflow';

export * from './feedback-workflow';

export const FeedbackStatus = z.enum(feedbackStatuses);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;
