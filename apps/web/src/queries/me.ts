import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/client';

export const meKey = ['me'] as const;

export const useMe = () =>
  useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
