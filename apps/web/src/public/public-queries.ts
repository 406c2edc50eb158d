import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchPublicChangelog, fetchPublicRoadmap } from './public-api';

const publicKeys = {
  roadmap: (slug: string) => ['public', slug, 'roadmap'] as const,
  changelog: (slug: string) => ['public', slug, 'changelog'] as const,
};

export const usePublicRoadmap = (slug: string) =>
  useQuery({
    queryKey: publicKeys.roadmap(slug),
    queryFn: ({ signal }) => fetchPublicRoadmap(slug, signal),
  });

export const usePublicChangelog = (slug: string) =>
  useInfiniteQuery({
    queryKey: publicKeys.changelog(slug),
    queryFn: ({ pageParam, signal }) => fetchPublicChangelog(slug, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
