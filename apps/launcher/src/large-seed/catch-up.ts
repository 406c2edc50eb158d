import type { DataSource } from 'typeorm';
import {
  PostgresEventStore,
  applyNextBatch,
  readCheckpoint,
  type Projection,
} from '@chorus/event-store';

/** The worker's batch size when behind: each projection writes a touched row once per batch. */
const BATCH_SIZE = 5000;

export type ProjectionProgress = { name: string; done: number; backlog: number };

/**
 * Catches every projection up to the head of the log, all at once as the worker runs them (each
 * batch and its checkpoint in one transaction, so a running worker simply takes turns).
 * `progress` reports how far each one is, as often as the caller asks.
 */
export const catchUpProjections = async (
  db: DataSource,
  projections: readonly Projection[],
): Promise<{ progress: () => ProjectionProgress[]; done: Promise<void> }> => {
  const store = new PostgresEventStore(db);
  const states: ProjectionProgress[] = [];
  for (const projection of projections) {
    const checkpoint = await readCheckpoint(db.manager, projection.name);
    const [row] = await db.query<{ backlog: number }[]>(
      `SELECT count(*)::int AS backlog FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
      [checkpoint.transactionId, checkpoint.globalPosition],
    );
    states.push({ name: projection.name, done: 0, backlog: row?.backlog ?? 0 });
  }
  const done = Promise.all(
    projections.map(async (projection, i) => {
      const state = states[i]!;
      for (;;) {
        const { scanned } = await applyNextBatch(db, store, projection, BATCH_SIZE);
        state.done += scanned;
        if (scanned < BATCH_SIZE) return;
      }
    }),
  ).then(() => undefined);
  return { progress: () => states.map((s) => ({ ...s })), done };
};
