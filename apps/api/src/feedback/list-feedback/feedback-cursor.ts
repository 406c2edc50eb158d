import type { FeedbackSort } from '@chorus/domain';

/**
 * Position after the last item of a page: its sort value and id (keyset), or for the trending
 * sort, whose values move with the clock, how many items came before.
 */
export type FeedbackCursor = { sort: FeedbackSort; value: string | number; id: string };

export const encodeCursor = (cursor: FeedbackCursor): string =>
  Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');

const numericSorts: readonly FeedbackSort[] = ['votes', 'revenue', 'trending'];

export const decodeCursor = (encoded: string, sort: FeedbackSort): FeedbackCursor | null => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursorSort, value, id] = parsed as unknown[];
    if (cursorSort !== sort || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    if (
      numericSorts.includes(sort)
        ? !Number.isSafeInteger(value)
        : typeof value !== 'string' || Number.isNaN(Date.parse(value))
    ) {
      return null;
    }
    return { sort, value: value as string | number, id };
  } catch {
    return null;
  }
};
