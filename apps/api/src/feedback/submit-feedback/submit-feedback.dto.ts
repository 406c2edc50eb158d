import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  BoardId,
  CategoryId,
  FEEDBACK_DESCRIPTION_MAX,
  FEEDBACK_TITLE_MAX,
  FEEDBACK_TITLE_MIN,
  feedbackSources,
  moderationStates,
  type SubmitFeedbackInput,
  type SubmittedFeedback,
} from '@chorus/domain';
import { OnBehalfOfSchema } from '../on-behalf-of';

export const SubmitFeedbackSchema = z
  .object({
    title: z
      .string({ error: 'Title is required.' })
      .trim()
      .min(FEEDBACK_TITLE_MIN, `Title must be at least ${FEEDBACK_TITLE_MIN} characters.`)
      .max(FEEDBACK_TITLE_MAX, `Title must be at most ${FEEDBACK_TITLE_MAX} characters.`),
    description: z
      .string()
      .max(
        FEEDBACK_DESCRIPTION_MAX,
        `Description must be at most ${FEEDBACK_DESCRIPTION_MAX} characters.`,
      )
      .optional()
      .describe('Markdown'),
    boardId: BoardId.optional(),
    categoryId: CategoryId.optional().describe('One of the board’s categories'),
    onBehalfOf: OnBehalfOfSchema.optional().describe(
      'A teammate capturing feedback for a customer: who, through which channel, in their words',
    ),
  })
  .strict() satisfies z.ZodType<SubmitFeedbackInput>;
export class SubmitFeedbackDto extends createZodDto(SubmitFeedbackSchema) {}

export const SubmittedFeedbackSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  boardId: z.string(),
  authorId: z.string(),
  status: z.string(),
  moderation: z.enum(moderationStates),
  source: z.enum(feedbackSources),
}) satisfies z.ZodType<SubmittedFeedback>;
export class SubmittedFeedbackDto extends createZodDto(SubmittedFeedbackSchema) {}
