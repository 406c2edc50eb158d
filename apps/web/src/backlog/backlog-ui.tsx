import type { BacklogItemKindName, BacklogItemStatusName } from '@chorus/domain/client';
import { Badge, type BadgeTone } from '@chorus/ui';
import { plural } from '../lib/format';

export const kindLabels: Record<BacklogItemKindName, string> = {
  epic: 'Epic',
  story: 'Story',
  task: 'Task',
};

const kindTones: Record<BacklogItemKindName, BadgeTone> = {
  epic: 'violet',
  story: 'blue',
  task: 'neutral',
};

export const statusLabels: Record<BacklogItemStatusName, string> = {
  backlog: 'Backlog',
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  accepted: 'Accepted',
  released: 'Released',
};

const statusTones: Record<BacklogItemStatusName, BadgeTone> = {
  backlog: 'neutral',
  todo: 'blue',
  in_progress: 'amber',
  in_review: 'violet',
  done: 'green',
  accepted: 'green',
  released: 'accent',
};

export const KindBadge = ({ kind }: { kind: BacklogItemKindName }) => (
  <Badge tone={kindTones[kind]} className="backlog-kind">
    {kindLabels[kind]}
  </Badge>
);

export const BacklogStatusBadge = ({ status }: { status: BacklogItemStatusName }) => (
  <Badge tone={statusTones[status]} dot>
    {statusLabels[status]}
  </Badge>
);

/** Definition of Ready at a glance; the reason is the tooltip and, for screen readers, text. */
export const ReadyBadge = ({ ready, reason }: { ready: boolean; reason: string | null }) =>
  ready ? (
    <span className="ready-badge" data-testid="ready-badge" data-ready="true">
      <Badge tone="green">Ready</Badge>
    </span>
  ) : (
    <span
      className="ready-badge"
      data-testid="ready-badge"
      data-ready="false"
      title={reason ?? undefined}
    >
      <Badge tone="amber">Not ready</Badge>
      {reason && <span className="ui-visually-hidden">: {reason}</span>}
    </span>
  );

export const formatPoints = (estimate: number | null): string =>
  estimate === null ? 'Unestimated' : plural(estimate, 'pt', 'pts');

/** Labels as typed into one field: comma separated, trimmed, no blanks or repeats. */
export const parseLabels = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((label) => label.trim())
      .filter(Boolean),
  ),
];

/** An estimate field's text as story points: '' is none, anything else must be a number. */
export const parseEstimate = (text: string): number | null | 'invalid' => {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : 'invalid';
};

export const backlogItemHref = (id: string) => `/backlog/${encodeURIComponent(id)}`;
export const feedbackHref = (id: string) => `/?feedback=${encodeURIComponent(id)}`;

/** Mirrors the domain's BacklogTitle: trimmed, 3 to 200 characters. */
export const validateBacklogTitle = (title: string): string | undefined => {
  const length = title.trim().length;
  if (length < 3) return 'Title must be at least 3 characters.';
  if (length > 200) return 'Title must be at most 200 characters.';
  return undefined;
};

/** Mirrors the domain's Estimate: story points from 0 to 100. */
export const validateEstimate = (text: string): string | undefined => {
  const estimate = parseEstimate(text);
  if (estimate === 'invalid') return 'An estimate is a number of story points.';
  if (estimate !== null && estimate < 0) return 'An estimate cannot be negative.';
  if (estimate !== null && estimate > 100) {
    return 'An estimate must be at most 100 points: split the item.';
  }
  return undefined;
};
