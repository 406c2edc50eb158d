import type { QueryClient } from '@tanstack/react-query';
import { fetchFeedback } from '../api/client';
import { isProblem } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { feedbackKeys } from './feedback-keys';

/** Reads lag commands by ~100 ms, sometimes more, so check soon and back off. */
const RECHECK_DELAYS_MS = [300, 700, 1500, 3000];

const latestWrite = new Map<string, number>();

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** Marks a new write to `id`; the ticket lets only the newest write reconcile that item. */
export const beginWrite = (id: string): number => {
  const ticket = (latestWrite.get(id) ?? 0) + 1;
  latestWrite.set(id, ticket);
  return ticket;
};

/**
 * After a command succeeded, waits until the eventually consistent read model reflects it, then
 * swaps the optimistic item for the server's and refetches the lists. Stale reads are never
 * written, so the optimistic state does not flicker back while the projection catches up.
 */
export const reconcileFeedback = async (
  queryClient: QueryClient,
  id: string,
  ticket: number,
  isCaughtUp: (item: FeedbackItem) => boolean,
) => {
  const superseded = () => latestWrite.get(id) !== ticket;
  for (const delay of RECHECK_DELAYS_MS) {
    await sleep(delay);
    if (superseded()) return;
    let item: FeedbackItem;
    try {
      item = await fetchFeedback(id);
    } catch (error) {
      if (isProblem(error, 404)) continue;
      break;
    }
    if (superseded()) return;
    if (isCaughtUp(item)) {
      queryClient.setQueryData(feedbackKeys.detail(id), item);
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.lists() });
      return;
    }
  }
  await queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
};
