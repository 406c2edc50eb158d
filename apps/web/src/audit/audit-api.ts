import type { AuditEventTypes, AuditPage, AuditPeople, AuditQuery } from '@chorus/domain/client';
import { getJson, query } from '../api/request';

/** The filters of the trail: the query string without paging. */
export type AuditFilters = Omit<AuditQuery, 'limit' | 'cursor'>;

const PAGE_SIZE = 50;

const filtersQuery = ({ type, ...filters }: AuditFilters) => ({
  ...filters,
  type: type?.join(','),
});

export const fetchAuditPage = (
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> =>
  getJson<AuditPage>(
    `/audit${query({ ...filtersQuery(filters), limit: PAGE_SIZE, cursor })}`,
    signal,
  );

export const fetchAuditEventTypes = (signal?: AbortSignal): Promise<AuditEventTypes> =>
  getJson<AuditEventTypes>('/audit/event-types', signal);

export const searchAuditPeople = async (q: string, signal?: AbortSignal) =>
  (await getJson<AuditPeople>(`/audit/people${query({ q })}`, signal)).people;

/** The CSV of every entry the filters match, below the API's base path. */
export const auditCsvPath = (filters: AuditFilters) => `/audit.csv${query(filtersQuery(filters))}`;
