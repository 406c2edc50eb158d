import type { DashboardParams } from '@chorus/domain/client';
import { useSearch } from 'wouter';
import { updateSearchParams } from '../lib/url-state';

/** Filter field → URL parameter; the URL uses short names a person can read and share. */
const urlNames = {
  from: 'from',
  to: 'to',
  boardId: 'board',
  segment: 'segment',
  plan: 'plan',
  granularity: 'granularity',
  compare: 'compare',
  asOf: 'asOf',
} as const satisfies Record<keyof DashboardParams, string>;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (value: string): boolean =>
  dayPattern.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export const isInstant = (value: string): boolean => !Number.isNaN(Date.parse(value));

/**
 * The filters live in the URL, so a view can be shared and the back button undoes a change.
 * Absent or malformed values are left to the API's defaults.
 */
export const useDashboardParams = (): DashboardParams => {
  const search = new URLSearchParams(useSearch());
  const text = (field: keyof DashboardParams) => search.get(urlNames[field])?.trim() || undefined;
  const params: DashboardParams = {};
  const from = text('from');
  const to = text('to');
  if (from && isDay(from)) params.from = from;
  if (to && isDay(to)) params.to = to;
  const boardId = text('boardId');
  const segment = text('segment');
  const plan = text('plan');
  if (boardId) params.boardId = boardId;
  if (segment) params.segment = segment;
  if (plan) params.plan = plan;
  const granularity = text('granularity');
  if (granularity === 'day' || granularity === 'week') params.granularity = granularity;
  if (text('compare') === 'false') params.compare = false;
  const asOf = text('asOf');
  if (asOf && isInstant(asOf)) params.asOf = asOf;
  return params;
};

/** Each change is a step in history: the back button undoes it. `undefined` clears a filter. */
export const setDashboardParams = (changes: Partial<DashboardParams>) => {
  const url: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(changes) as [
    keyof DashboardParams,
    DashboardParams[keyof DashboardParams],
  ][]) {
    url[urlNames[field]] =
      value === undefined || value === '' || (field === 'compare' && value === true)
        ? null
        : String(value);
  }
  updateSearchParams(url, 'push');
};

/** Today as a UTC day: the API counts whole UTC days. */
export const utcDay = (at: Date = new Date()): string => at.toISOString().slice(0, 10);

const addDays = (day: string, days: number): string =>
  utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

type RangePreset = { id: string; label: string; range: (to: string) => [string, string] };

/** Quick ranges ending on `to` (today, or the day of “as of”). */
export const rangePresets: readonly RangePreset[] = [
  { id: '7d', label: '7 days', range: (to) => [addDays(to, -6), to] },
  { id: '30d', label: '30 days', range: (to) => [addDays(to, -29), to] },
  { id: '90d', label: '90 days', range: (to) => [addDays(to, -89), to] },
  {
    id: 'quarter',
    label: 'This quarter',
    range: (to) => {
      const month = Number(to.slice(5, 7));
      const first = String(month - ((month - 1) % 3)).padStart(2, '0');
      return [`${to.slice(0, 4)}-${first}-01`, to];
    },
  },
  { id: 'year', label: 'This year', range: (to) => [`${to.slice(0, 4)}-01-01`, to] },
];
