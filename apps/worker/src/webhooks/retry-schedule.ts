/** When a failed delivery is tried again: exponential backoff with jitter, for a day. */
export type RetrySchedule = {
  /** The wait after the first failure; it doubles after each further one. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A delivery not made this long after it was enqueued is given up. */
  giveUpAfterMs: number;
  /** Each wait is longer or shorter by up to this fraction, at random, so retries spread out. */
  jitter: number;
};

/** 30 s, 1 min, 2, 4, … then hourly, for 24 hours: about thirty attempts. */
export const defaultRetrySchedule: RetrySchedule = {
  firstDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 86_400_000,
  jitter: 0.2,
};

/** The wait after `failures` failed attempts, longer if the receiver asked for it (`Retry-After`). */
export const retryDelayMs = (
  schedule: RetrySchedule,
  failures: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number => {
  const backoff = schedule.firstDelayMs * 2 ** Math.max(0, failures - 1);
  const jittered =
    Math.min(schedule.maxDelayMs, backoff) * (1 + schedule.jitter * (2 * random() - 1));
  return Math.round(Math.min(schedule.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
};

/** When to try a delivery again after a failure, or null once it is time to give up. */
export const nextAttemptAt = (
  schedule: RetrySchedule,
  delivery: { enqueuedAt: Date; failures: number },
  now: Date,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): Date | null => {
  const next = now.getTime() + retryDelayMs(schedule, delivery.failures, retryAfterMs, random);
  return next > delivery.enqueuedAt.getTime() + schedule.giveUpAfterMs ? null : new Date(next);
};

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`; null if absent or unreadable. */
export const retryAfterMsOf = (header: string | null, now: Date): number | null => {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
};
