import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchCompanies, fetchCompany, fetchCustomers } from '../api/client';

export const useCompanies = (q: string) =>
  useInfiniteQuery({
    queryKey: ['companies', 'list', q],
    queryFn: ({ pageParam, signal }) => fetchCompanies(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });

export const useCompany = (id: string) =>
  useQuery({
    queryKey: ['company', id],
    queryFn: ({ signal }) => fetchCompany(id, signal),
  });

export const useCustomers = (q: string) =>
  useInfiniteQuery({
    queryKey: ['customers', 'list', q],
    queryFn: ({ pageParam, signal }) => fetchCustomers(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
