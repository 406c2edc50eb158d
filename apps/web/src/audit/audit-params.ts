import { useSearch } from 'wouter';
import { updateSearchParams } from '../lib/url-state';
import type { AuditFilters } from './audit-api';

/** Filter → URL parameter: short names a person can read and share. */
const urlNames = {
  actorId: 'actor',
  type: 'type',
  resource: 'resource',
  from: 'from',
  to: 'to',
} as const satisfies Record<keyof AuditFilters, string>;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A whole day a person can mean: typing a year passes through 0002 and 0020 on its way. */
export const isPlausibleDay = (value: string): boolean =>
  dayPattern.test(value) && value >= '2000-01-01' && !Number.isNaN(Date.parse(value));

/**
 * The filters live in the URL, so a view of the trail can be shared and the back button undoes
 * a change. What the API refuses is shown beside the field it names.
 */
export const useAuditFilters = (): AuditFilters => {
  const search = new URLSearchParams(useSearch());
  const text = (field: keyof AuditFilters) => search.get(urlNames[field])?.trim() || undefined;
  const filters: AuditFilters = {};
  const actorId = text('actorId');
  const types = text('type')
    ?.split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  const resource = text('resource');
  const from = text('from');
  const to = text('to');
  if (actorId) filters.actorId = actorId;
  if (types && types.length > 0) filters.type = types;
  if (resource) filters.resource = resource;
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
};

/** Each change is a step in history; `undefined` clears a filter. */
export const setAuditFilters = (changes: Partial<AuditFilters>) => {
  const url: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(changes) as [
    keyof AuditFilters,
    AuditFilters[keyof AuditFilters],
  ][]) {
    const text = Array.isArray(value) ? value.join(',') : value;
    url[urlNames[field]] = text === undefined || text === '' ? null : text;
  }
  updateSearchParams(url, 'push');
};

export const clearedAuditFilters: Record<keyof AuditFilters, undefined> = {
  actorId: undefined,
  type: undefined,
  resource: undefined,
  from: undefined,
  to: undefined,
};
