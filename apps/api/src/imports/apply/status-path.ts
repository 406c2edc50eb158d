import type { FeedbackStatus, StatusDefinition } from '@chorus/domain';

/**
 * The statuses feedback passes through from `from` to `to` in a workflow, fewest moves first:
 * an import replays the moves a teammate would make (open → planned → in progress → done), so
 * the workflow's rules hold. Empty when it is there already; null when it cannot get there.
 */
export const statusPath = (
  statuses: readonly StatusDefinition[],
  from: FeedbackStatus,
  to: FeedbackStatus,
): FeedbackStatus[] | null => {
  if (from === to) return [];
  const cameFrom = new Map<FeedbackStatus, FeedbackStatus>([[from, from]]);
  const queue: FeedbackStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of statuses.find((s) => s.id === current)?.transitions ?? []) {
      if (cameFrom.has(next) || !statuses.some((s) => s.id === next)) continue;
      cameFrom.set(next, current);
      if (next === to) {
        const path: FeedbackStatus[] = [];
        for (let step = to; step !== from; step = cameFrom.get(step)!) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
};
