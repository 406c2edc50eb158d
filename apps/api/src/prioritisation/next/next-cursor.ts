/**
 * Position after the last item of a page of "what to build next": its score (null sorts last),
 * rank and id, the keys the list is ordered by.
 */
export type NextCursor = { score: number | null; rank: string; id: string };

export const encodeNextCursor = (cursor: NextCursor): string =>
  Buffer.from(JSON.stringify([cursor.score, cursor.rank, cursor.id])).toString('base64url');

export const decodeNextCursor = (encoded: string): NextCursor | null => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [score, rank, id] = parsed as unknown[];
    if (score !== null && (typeof score !== 'number' || !Number.isFinite(score))) return null;
    if (typeof rank !== 'string' || !/^[0-9A-Za-z]{1,64}$/.test(rank)) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { score, rank, id };
  } catch {
    return null;
  }
};
