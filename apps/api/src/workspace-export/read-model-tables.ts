import { projections } from '@chorus/worker';

type Queryable = { query: <T>(sql: string, parameters?: unknown[]) => Promise<T> };

/** A table a projection writes, holding rows of many workspaces, and how to order its rows. */
export type ReadModelTable = {
  table: string;
  projection: string;
  /** Its primary key, or every column where it has none (a history of versions, say). */
  orderBy: readonly string[];
};

/** Every table the worker's projections own, with the projection that owns it. */
const ownedTables = new Map(
  projections.flatMap((projection) => projection.tables.map((table) => [table, projection.name])),
);

/**
 * The projections' tables that carry `workspace_id` (so one workspace's rows can be told apart),
 * in the order of the worker's projections: what an export of read models holds.
 */
export const readModelTables = async (db: Queryable): Promise<ReadModelTable[]> => {
  const rows = await db.query<{ table: string; primary_key: string[]; columns: string[] }[]>(
    `SELECT c.relname AS table,
       coalesce((SELECT array_agg(a.attname::text ORDER BY k.ord)
                 FROM pg_index i
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                 WHERE i.indrelid = c.oid AND i.indisprimary), '{}'::text[]) AS primary_key,
       (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM pg_attribute w
                   WHERE w.attrelid = c.oid AND w.attname = 'workspace_id' AND NOT w.attisdropped)`,
    [[...ownedTables.keys()]],
  );
  const found = new Map(rows.map((row) => [row.table, row]));
  return [...ownedTables].flatMap(([table, projection]) => {
    const row = found.get(table);
    if (!row) return [];
    return [
      {
        table,
        projection,
        orderBy: row.primary_key.length > 0 ? row.primary_key : row.columns,
      },
    ];
  });
};

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement selecting one workspace's rows of a table, ordered. COPY takes no parameters, so
 * the workspace id is inlined, and only once it is known to be a UUID; the table and its columns
 * come from the catalog above, never from a request.
 */
export const workspaceRowsSql = ({ table, orderBy }: ReadModelTable, workspaceId: string) => {
  if (!UUID.test(workspaceId)) throw new Error(`Not a workspace id: ${workspaceId}`);
  // An untyped literal takes the column's type: uuid in most tables, text in the KPI rollup's.
  return `SELECT * FROM ${quoteIdentifier(table)} WHERE workspace_id = '${workspaceId}'
    ORDER BY ${orderBy.map(quoteIdentifier).join(', ')}`;
};
