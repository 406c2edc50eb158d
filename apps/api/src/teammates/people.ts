import type { DataSource } from 'typeorm';

type Queryable = Pick<DataSource, 'query'>;

/** Names of people by id: teammates and customers with accounts in `users`, others in `customers`. */
export const namesOf = async (
  db: Queryable,
  workspaceId: string,
  ids: Iterable<string>,
): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }[]>(
    `SELECT id::text AS id, name FROM users WHERE workspace_id = $1 AND id::text = ANY($2)
     UNION ALL
     SELECT customer_id::text, coalesce(nullif(name, ''), email, external_id) FROM customers WHERE workspace_id = $1 AND customer_id::text = ANY($2)`,
    [workspaceId, unique],
  );
  const names = new Map<string, string>();
  for (const row of rows) if (!names.has(row.id)) names.set(row.id, row.name);
  return names;
};
