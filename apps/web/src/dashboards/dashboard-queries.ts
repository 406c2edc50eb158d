import type { DashboardName, DashboardParams } from '@chorus/domain/client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchDashboard, fetchDrill, type DrillTarget } from './dashboard-api';

/** While new filters load, the figures of the last ones stay on screen instead of a skeleton. */
export const useDashboard = <D extends DashboardName>(name: D, params: DashboardParams) =>
  useQuery({
    queryKey: ['dashboards', name, params],
    queryFn: ({ signal }) => fetchDashboard(name, params, signal),
    // keepPreviousData, but never one dashboard's figures in place of the other's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === name ? previous : undefined,
  });

export const useDrill = (target: DrillTarget, params: DashboardParams) =>
  useInfiniteQuery({
    queryKey: ['dashboards', 'drill', target, params],
    queryFn: ({ pageParam, signal }) => fetchDrill(target, params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
