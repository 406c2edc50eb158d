import { z } from 'zod';
import { addDays, weekOf } from '@chorus/domain';

/** When the weekly digest goes out: an ISO weekday (1 = Monday) and an hour, in UTC. */
export type DigestSchedule = { weekday: number; hour: number };

export const DIGEST_SETTINGS = 'WEEKLY_DIGEST_SETTINGS';

/** `CHORUS_DIGEST_WEEKDAY` (default 1, Monday) and `CHORUS_DIGEST_HOUR` (default 8), UTC. */
export const digestScheduleFromEnv = (env: NodeJS.ProcessEnv = process.env): DigestSchedule => ({
  weekday: z.coerce
    .number()
    .int()
    .min(1, 'CHORUS_DIGEST_WEEKDAY is 1 (Monday) to 7 (Sunday).')
    .max(7, 'CHORUS_DIGEST_WEEKDAY is 1 (Monday) to 7 (Sunday).')
    .default(1)
    .parse(env.CHORUS_DIGEST_WEEKDAY || undefined),
  hour: z.coerce
    .number()
    .int()
    .min(0, 'CHORUS_DIGEST_HOUR is 0 to 23 (UTC).')
    .max(23, 'CHORUS_DIGEST_HOUR is 0 to 23 (UTC).')
    .default(8)
    .parse(env.CHORUS_DIGEST_HOUR || undefined),
});

/** How often the scheduler looks at the clock (`CHORUS_DIGEST_POLL_MS`, default a minute). */
export const digestPollMs = (env: NodeJS.ProcessEnv = process.env): number =>
  z.coerce
    .number()
    .int()
    .positive()
    .default(60_000)
    .parse(env.CHORUS_DIGEST_POLL_MS || undefined);

/**
 * The week whose digest is due at `now` — the whole ISO week before this one, named by its
 * Monday — once this week's send time has come; null before it. Late is still due: a server
 * down at the hour sends when it is back.
 */
export const dueDigestWeek = (now: Date, { weekday, hour }: DigestSchedule): string | null => {
  const thisWeek = weekOf(now.toISOString().slice(0, 10));
  const sendAt = Date.parse(
    `${addDays(thisWeek, weekday - 1)}T${String(hour).padStart(2, '0')}:00:00.000Z`,
  );
  return now.getTime() >= sendAt ? addDays(thisWeek, -7) : null;
};
