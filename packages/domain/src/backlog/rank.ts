import { generateKeyBetween } from 'fractional-indexing';

/**
 * A rank between two neighbours (null = the end of the list). Moving an item rewrites only its
 * own rank, so concurrent moves of different items never touch the same stream; two items given
 * the same key sort by id.
 */
export const rankBetween = (before: string | null, after: string | null): string =>
  generateKeyBetween(before, after);
