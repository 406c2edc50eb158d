import {
  defaultRetrySchedule,
  nextAttemptAt,
  retryAfterMsOf,
  retryDelayMs,
} from './retry-schedule';

const middle = () => 0.5;
const HOUR = 3_600_000;

describe('the retry schedule', () => {
  it('doubles from 30 seconds up to an hour', () =>
    expect(
      [1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(defaultRetrySchedule, n, null, middle)),
    ).toEqual([30_000, 60_000, 120_000, 240_000, 1_920_000, HOUR, HOUR]));

  it('spreads each wait by up to a fifth, never past the hour', () => {
    expect(retryDelayMs(defaultRetrySchedule, 1, null, () => 0)).toBe(24_000);
    expect(retryDelayMs(defaultRetrySchedule, 1, null, () => 1)).toBe(36_000);
    expect(retryDelayMs(defaultRetrySchedule, 30, null, () => 1)).toBe(HOUR);
  });

  it('waits as long as the receiver asks, up to the hour', () => {
    expect(retryDelayMs(defaultRetrySchedule, 1, 120_000, middle)).toBe(120_000);
    expect(retryDelayMs(defaultRetrySchedule, 1, 5 * HOUR, middle)).toBe(HOUR);
  });

  it('gives up a day after the delivery was enqueued, after about thirty attempts', () => {
    const enqueuedAt = new Date('2026-11-28T00:00:00.000Z');
    let now = enqueuedAt;
    let attempts = 1;
    for (;;) {
      const next = nextAttemptAt(
        defaultRetrySchedule,
        { enqueuedAt, failures: attempts },
        now,
        null,
        middle,
      );
      if (next === null) break;
      now = next;
      attempts += 1;
    }
    expect(now.getTime() - enqueuedAt.getTime()).toBeLessThanOrEqual(24 * HOUR);
    expect(now.getTime() - enqueuedAt.getTime()).toBeGreaterThan(23 * HOUR);
    expect(attempts).toBeGreaterThan(25);
    expect(attempts).toBeLessThan(35);
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = new Date('2026-11-28T00:00:00.000Z');
    expect(retryAfterMsOf('120', now)).toBe(120_000);
    expect(retryAfterMsOf('Sat, 28 Nov 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMsOf('soon', now)).toBeNull();
    expect(retryAfterMsOf(null, now)).toBeNull();
  });
});
