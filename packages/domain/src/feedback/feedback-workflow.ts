// The feedback workflow and limits without zod, so browsers can use them without the schemas.

export const FEEDBACK_TITLE_MIN = 3;
export const FEEDBACK_TITLE_MAX = 200;
export const FEEDBACK_DESCRIPTION_MAX = 20_000;
export const DEFAULT_BOARD_ID = 'general';

/** A status id: stable for ever, so renaming a status never rewrites history. */
export type FeedbackStatus = string;

/** What a status means, whatever it is called: open and active accept votes, done and closed do not. */
export const statusKinds = ['open', 'active', 'done', 'closed'] as const;
export type StatusKind = (typeof statusKinds)[number];

export type StatusDefinition = {
  id: FeedbackStatus;
  name: string;
  /** A CSS colour, `#rrggbb`. */
  colour: string;
  kind: StatusKind;
  /** The statuses feedback in this one may move to. */
  transitions: FeedbackStatus[];
};

/** The workflow a workspace starts with; each workspace may rename, recolour and extend it. */
export const defaultStatuses: readonly StatusDefinition[] = [
  {
    id: 'open',
    name: 'Open',
    colour: '#64748b',
    kind: 'open',
    transitions: ['under_review', 'planned', 'declined'],
  },
  {
    id: 'under_review',
    name: 'Under review',
    colour: '#7c3aed',
    kind: 'open',
    transitions: ['open', 'planned', 'declined'],
  },
  {
    id: 'planned',
    name: 'Planned',
    colour: '#2563eb',
    kind: 'active',
    transitions: ['under_review', 'in_progress', 'declined'],
  },
  {
    id: 'in_progress',
    name: 'In progress',
    colour: '#d97706',
    kind: 'active',
    transitions: ['planned', 'done', 'declined'],
  },
  { id: 'done', name: 'Done', colour: '#16a34a', kind: 'done', transitions: [] },
  { id: 'declined', name: 'Declined', colour: '#dc2626', kind: 'closed', transitions: ['open'] },
];

/** Where new feedback starts in every workspace; it can be renamed like any other status. */
export const INITIAL_STATUS_ID = 'open';

/** The kind of a default status, for events recorded before statuses carried their kind. */
export const defaultStatusKind = (statusId: FeedbackStatus): StatusKind =>
  defaultStatuses.find((s) => s.id === statusId)?.kind ?? 'open';

export const isVotingOpen = (kind: StatusKind): boolean => kind === 'open' || kind === 'active';

/** Null when the move is allowed in this workflow, otherwise a sentence that says why not. */
export const whyTransitionIsIllegal = (
  statuses: readonly StatusDefinition[],
  from: FeedbackStatus,
  to: FeedbackStatus,
): string | null => {
  const source = statuses.find((s) => s.id === from);
  const target = statuses.find((s) => s.id === to);
  if (!target) {
    return `There is no status "${to}" in this workspace's workflow; it has ${statuses.map((s) => s.id).join(', ')}.`;
  }
  if (!source || source.transitions.includes(to)) return null;
  const name = (s: StatusDefinition) => s.name.toLowerCase();
  const listed = (list: readonly StatusDefinition[]) => {
    const names = list.map(name);
    return names.length <= 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  };
  if (source.transitions.length === 0) {
    return source.kind === 'done'
      ? `Feedback that is ${name(source)} has shipped and cannot move to ${name(target)}.`
      : `Feedback that is ${name(source)} cannot move to ${name(target)}.`;
  }
  const next = source.transitions.flatMap((id) => statuses.filter((s) => s.id === id));
  const before = statuses.filter((s) => s.id !== from && s.transitions.includes(to));
  if (before.length > 0) {
    return `Feedback cannot move from ${name(source)} to ${name(target)}: it must be ${listed(before)} first.`;
  }
  return `Feedback cannot move from ${name(source)} to ${name(target)}; from ${name(source)} it can move to ${next.map(name).join(', ')}.`;
};

/** Where a piece of feedback came from; a teammate capturing it for a customer names the channel. */
export const feedbackSources = [
  'app',
  'sales_call',
  'support_ticket',
  'slack',
  'email',
  'api',
  'import',
] as const;
export type FeedbackSourceName = (typeof feedbackSources)[number];
export const feedbackSourceLabels: Record<FeedbackSourceName, string> = {
  app: 'In app',
  sales_call: 'Sales call',
  support_ticket: 'Support ticket',
  slack: 'Slack',
  email: 'Email',
  api: 'API',
  import: 'Import',
};

/** Posts on a board that requires approval wait as pending until a teammate approves or rejects them. */
export const moderationStates = ['approved', 'pending', 'rejected'] as const;
export type ModerationStateName = (typeof moderationStates)[number];
