import type { SprintStateName, SprintView } from '@chorus/domain/client';
import { Badge, cx, type BadgeTone } from '@chorus/ui';
import { useId } from 'react';
import { plural } from '../lib/format';

const stateLabels: Record<SprintStateName, string> = {
  planned: 'Planned',
  active: 'Active',
  completed: 'Completed',
};

const stateTones: Record<SprintStateName, BadgeTone> = {
  planned: 'blue',
  active: 'amber',
  completed: 'green',
};

export const SprintStateBadge = ({ state }: { state: SprintStateName }) => (
  <Badge tone={stateTones[state]} dot>
    {stateLabels[state]}
  </Badge>
);

// Calendar dates (`2027-01-31`) are days, not instants: formatted in UTC so no time zone shifts them.
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export const formatDay = (isoDate: string): string => dayFormat.format(new Date(isoDate));

export const formatDays = (start: string, end: string): string =>
  `${formatDay(start)} – ${formatDay(end)}`;

/** Today as a calendar date in the person's own time zone, `days` later if asked. */
export const isoDay = (days = 0): string => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

export const points = (value: number): string => plural(value, 'point');

/**
 * Planned points against the capacity. Past it the bar turns to the warning colour and says by how
 * much: the API's own sentence when planning just answered with one.
 */
export const CapacityBar = ({
  sprint,
  warning,
}: {
  sprint: Pick<SprintView, 'plannedPoints' | 'capacity' | 'acceptedPoints'>;
  warning?: string | null;
}) => {
  const labelId = useId();
  const { plannedPoints, capacity, acceptedPoints } = sprint;
  // Counted here rather than read from `overCapacity`, so an optimistic change shows at once.
  const over = plannedPoints > capacity;
  const scale = Math.max(plannedPoints, capacity, 1);
  return (
    <div className={cx('capacity', over && 'capacity--over')} data-testid="capacity-bar">
      <div className="capacity__labels">
        <span className="capacity__label" id={labelId}>
          Capacity
        </span>
        <span className="capacity__numbers">
          {plannedPoints.toLocaleString()} of {points(capacity)} planned
          {acceptedPoints > 0 && ` · ${acceptedPoints.toLocaleString()} accepted`}
        </span>
      </div>
      <div
        className="capacity__track"
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={scale}
        aria-valuenow={plannedPoints}
        aria-valuetext={`${plannedPoints} of ${capacity} points planned`}
      >
        <span
          className="capacity__fill"
          style={{ width: `${Math.min(plannedPoints / scale, 1) * 100}%` }}
        />
        {over && (
          <span className="capacity__limit" style={{ left: `${(capacity / scale) * 100}%` }} />
        )}
      </div>
      {over && (
        <p className="capacity__warning" role="status" data-testid="capacity-warning">
          {warning ?? `Over capacity by ${points(plannedPoints - capacity)}.`}
        </p>
      )}
    </div>
  );
};
