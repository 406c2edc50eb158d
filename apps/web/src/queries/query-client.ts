import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from '../api/problem-error';

/** Retries only failures that a second attempt can fix: the network, overload and 5xx. */
export const shouldRetry = (failureCount: number, error: unknown): boolean =>
  error instanceof ProblemError && error.isTransient && failureCount < 2;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 10_000, retry: shouldRetry },
    mutations: { retry: false },
  },
});
