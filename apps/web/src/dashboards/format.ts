import type { Share } from '@chorus/domain/client';
import { formatDay } from '../sprints/sprint-ui';

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const NONE = '—';

export const formatCount = (value: number): string => value.toLocaleString();

/** Durations come in milliseconds; people read minutes, hours or days. */
export const formatDuration = (ms: number | null): string => {
  if (ms === null) return NONE;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < 2 * DAY) return `${oneDecimal.format(ms / HOUR)} h`;
  return `${oneDecimal.format(ms / DAY)} d`;
};

const formatRatio = (ratio: number | null): string =>
  ratio === null ? NONE : `${Math.round(ratio * 100)}%`;

export const formatShare = (share: Share): string => formatRatio(share.ratio);

export const formatDecimal = (value: number | null): string =>
  value === null ? NONE : oneDecimal.format(value);

/** A day as an axis tick: `Jan 5`. Days are UTC calendar days, so no time zone shifts them. */
export const shortDay = (day: string): string => shortDayFormat.format(new Date(day));

/** A period of a series: a day, or an ISO week named by its Monday. */
export const periodLabel = (period: string, granularity: 'day' | 'week'): string =>
  granularity === 'week' ? `Week of ${formatDay(period)}` : formatDay(period);

export type Better = 'up' | 'down' | null;

export type Change = {
  text: string;
  direction: 'up' | 'down' | 'flat';
  tone: 'good' | 'bad' | 'neutral';
  description: string;
};

/**
 * The change from the previous period: relative for counts and durations, in percentage points
 * for shares (`unit: 'points'`). Null when either side has no value.
 */
export const changeOf = (
  current: number | null,
  previous: number | null | undefined,
  { better, unit = 'relative' }: { better: Better; unit?: 'relative' | 'points' },
): Change | null => {
  if (current === null || previous === null || previous === undefined) return null;
  let amount: number;
  let text: string;
  if (unit === 'points') {
    amount = Math.round((current - previous) * 100);
    text = `${Math.abs(amount)} pts`;
  } else if (previous === 0) {
    amount = current === 0 ? 0 : Math.sign(current);
    text = current === 0 ? '0%' : 'from 0';
  } else {
    amount = Math.round(((current - previous) / Math.abs(previous)) * 100);
    text = `${Math.abs(amount)}%`;
  }
  const direction = amount > 0 ? 'up' : amount < 0 ? 'down' : 'flat';
  const tone =
    direction === 'flat' || better === null ? 'neutral' : direction === better ? 'good' : 'bad';
  const description =
    direction === 'flat'
      ? 'unchanged from the previous period'
      : `${direction} ${text} on the previous period`;
  return { text, direction, tone, description };
};
