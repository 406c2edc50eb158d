/** Position after the last item of a page: its rank and id, the backlog's order. */
export type BacklogCursor = { rank: string; id: string };

export const encodeBacklogCursor = (cursor: BacklogCursor): string =>
  Buffer.from(JSON.stringify([cursor.rank, cursor.id])).toString('base64url');

export const decodeBacklogCursor = (encoded: string): BacklogCursor | null => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [rank, id] = parsed as unknown[];
    if (typeof rank !== 'string' || !/^[0-9A-Za-z]{1,64}$/.test(rank)) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { rank, id };
  } catch {
    return null;
  }
};
