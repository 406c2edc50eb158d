// The feedback workflow and limits without zod, so browsers can use them without the schemas.

export const FEEDBACK_TITLE_MIN = 3;
export const FEEDBACK_TITLE_MAX = 200;
export const FEEDBACK_DESCRIPTION_MAX = 20_000;
export const DEFAULT_BOARD_ID = 'general';

export const feedbackStatuses = [
  'open',
  'under_review',
  'planned',
  'in_progress',
  'done',
  'declined',
] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const feedbackStatusLabels: Record<FeedbackStatus, string> = {
  open: 'Open',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
};

/**
 * The default workflow: open → under review → planned → in progress → done, one step back for
 * second thoughts, declined from anywhere before done, and a declined item may be reopened.
 */
const transitions: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  open: ['under_review', 'planned', 'declined'],
  under_review: ['open', 'planned', 'declined'],
  planned: ['under_review', 'in_progress', 'declined'],
  in_progress: ['planned', 'done', 'declined'],
  done: [],
  declined: ['open'],
};

export const allowedStatusTransitions = (from: FeedbackStatus): readonly FeedbackStatus[] =>
  transitions[from];

export const isVotingOpen = (status: FeedbackStatus): boolean =>
  status !== 'done' && status !== 'declined';

/** Null when the move is allowed, otherwise a sentence that says why not. */
export const whyTransitionIsIllegal = (from: FeedbackStatus, to: FeedbackStatus): string | null => {
  if (transitions[from].includes(to)) return null;
  const fromLabel = feedbackStatusLabels[from].toLowerCase();
  const toLabel = feedbackStatusLabels[to].toLowerCase();
  if (from === 'done') {
    return `Feedback that is done has shipped and cannot move to ${toLabel}.`;
  }
  if (from === 'declined') {
    return `Declined feedback must be reopened before it can move to ${toLabel}.`;
  }
  if (to === 'done') {
    return `Feedback cannot move from ${fromLabel} to done: it must be in progress first.`;
  }
  if (to === 'in_progress') {
    return `Feedback cannot move from ${fromLabel} to in progress: it must be planned first.`;
  }
  return `Feedback cannot move from ${fromLabel} to ${toLabel}; from ${fromLabel} it can move to ${transitions[
    from
  ]
    .map((s) => feedbackStatusLabels[s].toLowerCase())
    .join(', ')}.`;
};
