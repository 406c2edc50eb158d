import { z } from 'zod';
import { fieldError, validationFailed } from './problem-details';

/**
 * An opaque page cursor: the sort values of a page's last row, as base64url JSON. Lists page by
 * keyset (WHERE (sort values) are after the cursor's) so a page never skips or repeats a row when
 * rows are added meanwhile, and the cursor is validated before any of it reaches SQL.
 */
export type KeysetCursor<Position> = {
  encode(position: Position): string;
  /** The position, or a 400 problem on `cursor` when it is not one this list handed out. */
  decode(encoded: string): Position;
};

/** A row id: what Postgres prints for a uuid, so a forged cursor fails here, not in the query. */
export const CursorId = z.string().regex(/^[0-9a-f-]{36}$/);

/** A backlog rank (fractional index), bounded so a forged cursor cannot carry an unbounded key. */
export const CursorRank = z.string().regex(/^[0-9A-Za-z]{1,64}$/);

const NOT_HANDED_OUT = 'This cursor is not one this list handed out.';

/**
 * The codec of one list's cursor, whose JSON `schema` (a `z.tuple` of the sort values, id last)
 * is the only thing a decoded cursor is trusted to be.
 */
export const keysetCursor = <Position extends readonly unknown[]>(
  schema: z.ZodType<Position>,
  { message = NOT_HANDED_OUT }: { message?: string } = {},
): KeysetCursor<Position> => ({
  encode: (position) => Buffer.from(JSON.stringify(position)).toString('base64url'),
  decode: (encoded) => {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    } catch {
      // Not JSON: the schema below refuses `undefined`, so it answers like any other bad cursor.
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    throw validationFailed([fieldError(['cursor'], message)]);
  },
});
