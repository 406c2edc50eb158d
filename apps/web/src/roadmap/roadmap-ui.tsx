import type { InitiativeVisibilityName, RoadmapLaneName } from '@chorus/domain/client';
import { Badge } from '@chorus/ui';

export const roadmapLanes: readonly RoadmapLaneName[] = ['now', 'next', 'later'];

export const laneLabels: Record<RoadmapLaneName, string> = {
  now: 'Now',
  next: 'Next',
  later: 'Later',
};

export const VisibilityBadge = ({ visibility }: { visibility: InitiativeVisibilityName }) =>
  visibility === 'public' ? (
    <Badge tone="green" dot>
      Public
    </Badge>
  ) : (
    <Badge dot>Internal</Badge>
  );

/** How far an initiative is, as a bar with its percentage; `detail` adds what it counts. */
export const ProgressBar = ({
  percent,
  label,
  detail,
}: {
  percent: number;
  label: string;
  detail?: string;
}) => {
  const value = Math.round(Math.min(Math.max(percent, 0), 100));
  return (
    <div className="progress-bar">
      <div
        className="progress-bar__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={detail ? `${value}%: ${detail}` : `${value}%`}
      >
        <span className="progress-bar__fill" style={{ width: `${value}%` }} />
      </div>
      <span className="progress-bar__text">
        {value}%{detail && <span className="progress-bar__detail"> · {detail}</span>}
      </span>
    </div>
  );
};

// Quarters look like 2027-Q1; as numbers (year × 4 + quarter − 1) they sort and count.

const quarterPattern = /^(\d{4})-Q([1-4])$/;

export const quarterIndex = (quarter: string): number | null => {
  const match = quarterPattern.exec(quarter);
  return match ? Number(match[1]) * 4 + Number(match[2]) - 1 : null;
};

export const quarterFromIndex = (index: number): string =>
  `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;

export const currentQuarterIndex = (now = new Date()): number =>
  now.getFullYear() * 4 + Math.floor(now.getMonth() / 3);

/** `2027-Q1` as people say it: “Q1 2027”. */
export const formatQuarter = (quarter: string): string => {
  const match = quarterPattern.exec(quarter);
  return match ? `Q${match[2]} ${match[1]}` : quarter;
};

/** Every quarter from the first to the last given (inclusive), gaps filled. */
export const quarterRange = (first: number, last: number): string[] =>
  Array.from({ length: Math.max(last - first + 1, 0) }, (_, offset) =>
    quarterFromIndex(first + offset),
  );
