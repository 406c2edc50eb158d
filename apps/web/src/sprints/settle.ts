import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { isProblem } from '../api/problem-error';

/** Reads lag commands by ~100 ms, sometimes more: check soon, then back off. */
const RECHECK_DELAYS_MS = [200, 400, 800, 1600, 3200];

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

const latestWrites = new Map<string, number>();

/**
 * Marks a new write to what `scope` names. Its answer is the one to wait for: `superseded` turns
 * true once a later write began, whose own settling then takes over.
 */
export const beginWrite = (scope: string): { superseded: () => boolean } => {
  const ticket = (latestWrites.get(scope) ?? 0) + 1;
  latestWrites.set(scope, ticket);
  return { superseded: () => latestWrites.get(scope) !== ticket };
};

/**
 * After a command succeeded, reads `key` again until the eventually consistent read model shows
 * the change (`isFresh`), and caches that copy; stale copies are never cached, so an optimistic
 * change does not flicker back meanwhile. Gives up after a few seconds and refetches as usual.
 */
export const settle = async <T>(
  queryClient: QueryClient,
  key: QueryKey,
  read: () => Promise<T>,
  isFresh: (data: T) => boolean,
  superseded: () => boolean = () => false,
): Promise<void> => {
  for (const delay of RECHECK_DELAYS_MS) {
    await sleep(delay);
    if (superseded()) return;
    let data: T;
    try {
      data = await read();
    } catch (error) {
      // Something just created may not be readable yet.
      if (isProblem(error, 404)) continue;
      break;
    }
    if (superseded()) return;
    if (isFresh(data)) {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      queryClient.setQueryData(key, data);
      return;
    }
  }
  await queryClient.invalidateQueries({ queryKey: key, exact: true });
};
