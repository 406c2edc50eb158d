import type { DataSource } from 'typeorm';

/**
 * Every table of the database with rows whose text mentions any of `words` (case-insensitive),
 * as "table: count": what erasure must leave empty.
 */
export const rowsMentioning = async (
  db: DataSource,
  words: readonly string[],
): Promise<string[]> => {
  const tables = await db.query<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const [{ count }] = await db.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM "${name}" t WHERE t::text ILIKE ANY($1)`,
      [words.map((word) => `%${word}%`)],
    );
    if (count > 0) found.push(`${name}: ${count}`);
  }
  return found;
};
