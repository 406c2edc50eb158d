import { z } from 'zod';

/** `?limit=`: how many items a page holds, a whole number from 1 to `max`; `fallback` if absent. */
export const pageLimit = (max: number, fallback: number) =>
  z.coerce
    .number({ error: 'Limit must be a number.' })
    .int('Limit must be a whole number.')
    .min(1, 'Limit must be at least 1.')
    .max(max, `Limit must be at most ${max}.`)
    .default(fallback);

/** `?cursor=`: where the next page starts, as the previous page answered it. */
export const pageCursor = z
  .string()
  .max(500)
  .optional()
  .describe('nextCursor of the previous page');
