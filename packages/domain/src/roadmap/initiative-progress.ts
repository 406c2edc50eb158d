import type { BacklogItemKindName, BacklogItemStatusName } from '../contracts/backlog-api';
import type { InitiativeProgress } from '../contracts/roadmap-api';
import { initiativeProgress } from './initiative';

/** What a backlog item says about the progress of the initiatives it serves. */
export type ProgressItem = {
  id: string;
  kind: BacklogItemKindName;
  parentId: string | null;
  initiativeId: string | null;
  status: BacklogItemStatusName;
  estimate: number | null;
};

type Counts = Omit<InitiativeProgress, 'percent'>;

const doneStatuses: ReadonlySet<BacklogItemStatusName> = new Set(['accepted', 'released']);

// Points are summed in millionths, so 0.1 + 0.2 points make 0.3 as an exact decimal sum would.
const MICRO = 1_000_000;

export const noProgress: InitiativeProgress = initiativeProgress({
  itemCount: 0,
  doneItemCount: 0,
  points: 0,
  donePoints: 0,
});

/**
 * Each initiative's progress from a workspace's backlog items. A story or task counts once toward
 * each initiative set on it, on its story or on its epic; an epic is a container, not work of its
 * own. Accepted or released items are done.
 */
export const progressByInitiative = (
  items: readonly ProgressItem[],
): Map<string, InitiativeProgress> => {
  const byId = new Map(items.map((item) => [item.id, item]));
  const counts = new Map<string, Counts>();
  for (const item of items) {
    if (item.kind === 'epic') continue;
    const parent = item.parentId === null ? undefined : byId.get(item.parentId);
    const grandparent = parent?.parentId ? byId.get(parent.parentId) : undefined;
    const served = new Set(
      [item.initiativeId, parent?.initiativeId, grandparent?.initiativeId].filter(
        (id): id is string => typeof id === 'string',
      ),
    );
    const done = doneStatuses.has(item.status);
    const points = Math.round((item.estimate ?? 0) * MICRO);
    for (const initiativeId of served) {
      const before = counts.get(initiativeId) ?? {
        itemCount: 0,
        doneItemCount: 0,
        points: 0,
        donePoints: 0,
      };
      counts.set(initiativeId, {
        itemCount: before.itemCount + 1,
        doneItemCount: before.doneItemCount + (done ? 1 : 0),
        points: before.points + points,
        donePoints: before.donePoints + (done ? points : 0),
      });
    }
  }
  return new Map(
    [...counts].map(([initiativeId, c]) => [
      initiativeId,
      initiativeProgress({ ...c, points: c.points / MICRO, donePoints: c.donePoints / MICRO }),
    ]),
  );
};
