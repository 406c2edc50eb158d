import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchAuditEventTypes, fetchAuditPage, type AuditFilters } from './audit-api';

export const useAuditTrail = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit', 'trail', filters],
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });

/** The registry's types change only with a new release of Chorus. */
export const useAuditEventTypes = () =>
  useQuery({
    queryKey: ['audit', 'event-types'],
    queryFn: ({ signal }) => fetchAuditEventTypes(signal),
    staleTime: Infinity,
  });
