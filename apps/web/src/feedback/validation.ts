import {
  FEEDBACK_DESCRIPTION_MAX,
  FEEDBACK_TITLE_MAX,
  FEEDBACK_TITLE_MIN,
} from '@chorus/domain/client';

/** Mirrors the domain's FeedbackTitle schema: trimmed, then bounded. */
export const validateTitle = (title: string): string | undefined => {
  const length = title.trim().length;
  if (length < FEEDBACK_TITLE_MIN) {
    return `Title must be at least ${FEEDBACK_TITLE_MIN} characters.`;
  }
  if (length > FEEDBACK_TITLE_MAX) {
    return `Title must be at most ${FEEDBACK_TITLE_MAX} characters.`;
  }
  return undefined;
};

export const validateDescription = (description: string): string | undefined =>
  description.length > FEEDBACK_DESCRIPTION_MAX
    ? `Description must be at most ${FEEDBACK_DESCRIPTION_MAX.toLocaleString()} characters of markdown.`
    : undefined;
