import type { DataSource } from 'typeorm';

export type ProjectionLag = { projection: string; eventsBehind: number; secondsBehind: number };

/**
 * How far each projection's checkpoint trails the log, in events (counted up to a million) and
 * in the age of the oldest pending event.
 */
export const readProjectionLag = async (db: DataSource): Promise<ProjectionLag[]> => {
  const rows = await db.query<
    {
      projection: string;
      events_behind: number;
      seconds_behind: number;
    }[]
  >(`
    SELECT c.projection,
      (SELECT count(*) FROM (
        SELECT 1 FROM events e
        WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)
        ORDER BY e.transaction_id, e.global_position
        LIMIT 1000000) pending)::int AS events_behind,
      coalesce(extract(epoch FROM clock_timestamp() - (
        SELECT e.recorded_at FROM events e
        WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)
        ORDER BY e.transaction_id, e.global_position LIMIT 1
      )), 0)::float8 AS seconds_behind
    FROM projection_checkpoints c ORDER BY c.projection`);
  return rows.map((r) => ({
    projection: r.projection,
    eventsBehind: r.events_behind,
    secondsBehind: Math.max(0, r.seconds_behind),
  }));
};
