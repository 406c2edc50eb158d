import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import {
  FEEDBACK_DESCRIPTION_MAX,
  FEEDBACK_TITLE_MAX,
  FEEDBACK_TITLE_MIN,
  FeedbackStatus,
} from './feedback-status';

export const FeedbackTitle = z
  .string()
  .trim()
  .min(FEEDBACK_TITLE_MIN, `Title must be at least ${FEEDBACK_TITLE_MIN} characters.`)
  .max(FEEDBACK_TITLE_MAX, `Title must be at most ${FEEDBACK_TITLE_MAX} characters.`);
export const FeedbackDescription = z
  .string()
  .max(
    FEEDBACK_DESCRIPTION_MAX,
    `Description must be at most ${FEEDBACK_DESCRIPTION_MAX} characters of markdown.`,
  );
export const BoardId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Board id must be lowercase letters, digits and dashes.');

export const FeedbackSubmittedV1 = defineEvent(
  'FeedbackSubmitted',
  1,
  z.object({
    feedbackId: z.uuid(),
    title: FeedbackTitle,
    description: FeedbackDescription,
    boardId: BoardId,
    authorId: z.string().min(1),
  }),
);

export const FeedbackEditedV1 = defineEvent(
  'FeedbackEdited',
  1,
  z.object({
    feedbackId: z.uuid(),
    title: FeedbackTitle.optional(),
    description: FeedbackDescription.optional(),
    boardId: BoardId.optional(),
    editedBy: z.string().min(1),
  }),
);

export const FeedbackStatusChangedV1 = defineEvent(
  'FeedbackStatusChanged',
  1,
  z.object({
    feedbackId: z.uuid(),
    from: FeedbackStatus,
    to: FeedbackStatus,
    changedBy: z.string().min(1),
  }),
);

export type FeedbackSubmitted = {
  type: 'FeedbackSubmitted';
  data: z.infer<typeof FeedbackSubmittedV1.schema>;
};
export type FeedbackEdited = {
  type: 'FeedbackEdited';
  data: z.infer<typeof FeedbackEditedV1.schema>;
};
export type FeedbackStatusChanged = {
  type: 'FeedbackStatusChanged';
  data: z.infer<typeof FeedbackStatusChangedV1.schema>;
};
export type FeedbackEvent = FeedbackSubmitted | FeedbackEdited | FeedbackStatusChanged;

export const feedbackEventDefinitions = [
  FeedbackSubmittedV1,
  FeedbackEditedV1,
  FeedbackStatusChangedV1,
];
