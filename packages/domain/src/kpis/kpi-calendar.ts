// UTC calendar arithmetic on ISO days (`YYYY-MM-DD`): the buckets every KPI is counted in.

const DAY_MS = 86_400_000;

export type Granularity = 'day' | 'week';

const epochDay = (day: string): number => Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;
const dayFromEpoch = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The UTC day of an ISO timestamp. */
export const dayOf = (timestamp: string): string => new Date(timestamp).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => dayFromEpoch(epochDay(day) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);

/** The Monday that starts the ISO week of `day`: weeks are named by it. */
export const weekOf = (day: string): string => {
  const n = epochDay(day);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
  return dayFromEpoch(n - ((((n + 3) % 7) + 7) % 7));
};

/** `YYYY-Qn`, as the roadmap names quarters. */
export const quarterOf = (day: string): string =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

export const periodOf = (day: string, granularity: Granularity): string =>
  granularity === 'day' ? day : weekOf(day);

/** Every day from `from` to `to`, both included. */
export const daysIn = (from: string, to: string): string[] =>
  Array.from({ length: Math.max(0, daysBetween(from, to) + 1) }, (_, i) => addDays(from, i));

/** The periods that meet the range, in order; the first and last week may be partial. */
export const periodsIn = (from: string, to: string, granularity: Granularity): string[] => [
  ...new Set(daysIn(from, to).map((day) => periodOf(day, granularity))),
];

export const quartersIn = (from: string, to: string): string[] => [
  ...new Set(daysIn(from, to).map(quarterOf)),
];
