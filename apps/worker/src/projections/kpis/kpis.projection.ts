import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  kpiCompaniesRead,
  kpiEventTypes,
  kpiRowsRead,
  kpiRowWrites,
  type CustomerRow,
  type KpiEvent,
  type KpiRollup,
  type KpiTableName,
} from '@chorus/domain';
import {
  kpiTables,
  type KpiColumnType,
  type KpiTableDefinition,
  type Projection,
  type StoredEvent,
} from '@chorus/event-store';

type Row = Record<string, unknown>;
type Current = { row: Row; validFrom: string };
type Version = { key: string; row: Row; validFrom: string; validTo: string | null };

const tableNames = Object.keys(kpiTables) as KpiTableName[];

/** Rows are stored under a uuid of their domain key: short, fixed width, one index type. */
const storedKey = (key: string): string => {
  const hex = createHash('md5').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const selected = (column: string, type: KpiColumnType): string =>
  type === 'date'
    ? `${column}::text AS ${column}`
    : type === 'int8'
      ? `${column}::float8 AS ${column}`
      : column;

const decoded = (value: unknown, type: KpiColumnType): unknown =>
  value instanceof Date && type === 'timestamptz' ? value.toISOString() : value;

/** The current versions of the given rows of one table, by domain key. */
const loadCurrent = async (
  tx: EntityManager,
  name: KpiTableName,
  keys: readonly string[],
): Promise<Map<string, Current>> => {
  if (keys.length === 0) return new Map();
  const { table, columns } = kpiTables[name];
  const byStoredKey = new Map(keys.map((key) => [storedKey(key), key]));
  const records = await tx.query<Row[]>(
    `SELECT key::text AS stored_key, valid_from,
       ${columns.map((c) => selected(c.column, c.type)).join(', ')}
     FROM ${table} WHERE key = ANY($1::uuid[]) AND valid_to IS NULL`,
    [[...byStoredKey.keys()]],
  );
  return new Map(
    records.map((record) => [
      byStoredKey.get(record.stored_key as string) ?? '',
      {
        validFrom: (record.valid_from as Date).toISOString(),
        row: Object.fromEntries(columns.map((c) => [c.field, decoded(record[c.column], c.type)])),
      },
    ]),
  );
};

const sameRow = (definition: KpiTableDefinition, a: Row | null, b: Row | null): boolean =>
  a === null || b === null
    ? a === b
    : definition.columns.every((c) => (a[c.field] ?? null) === (b[c.field] ?? null));

/** Each table's versions to insert, and the current versions they replace (closed or removed). */
const versionsOf = (
  name: KpiTableName,
  current: ReadonlyMap<string, Current>,
  writes: readonly { key: string; row: Row | null; at: string }[],
): { inserts: Version[]; closes: { key: string; at: string }[]; removes: string[] } => {
  const definition = kpiTables[name];
  const inserts: Version[] = [];
  const dropped = new Set<Version>();
  const closes: { key: string; at: string }[] = [];
  const removes: string[] = [];
  // Per row written in this batch: its newest version (null once deleted) and when that began.
  const latest = new Map<string, { version: Version | null; since: string }>();
  for (const { key, row, at } of writes) {
    const stored = current.get(key);
    const last = latest.get(key);
    const before = last ? (last.version?.row ?? null) : (stored?.row ?? null);
    if (sameRow(definition, before, row)) continue;
    // A clock that went back never ends a version before it began.
    const since = last ? last.since : stored?.validFrom;
    const validFrom = since !== undefined && since > at ? since : at;
    if (!last && stored) {
      if (stored.validFrom === validFrom) removes.push(key);
      else closes.push({ key, at: validFrom });
    }
    if (last?.version) {
      if (last.version.validFrom === validFrom) dropped.add(last.version);
      else last.version.validTo = validFrom;
    }
    const version = row === null ? null : { key, row, validFrom, validTo: null };
    if (version) inserts.push(version);
    latest.set(key, { version, since: validFrom });
  }
  return { inserts: inserts.filter((v) => !dropped.has(v)), closes, removes };
};

const arrayType: Record<KpiColumnType, string> = {
  text: 'text[]',
  date: 'date[]',
  timestamptz: 'timestamptz[]',
  int4: 'int4[]',
  int8: 'int8[]',
  float8: 'float8[]',
  bool: 'bool[]',
};

const write = async (
  tx: EntityManager,
  name: KpiTableName,
  { inserts, closes, removes }: ReturnType<typeof versionsOf>,
): Promise<void> => {
  const { table, columns } = kpiTables[name];
  if (removes.length > 0) {
    await tx.query(`DELETE FROM ${table} WHERE key = ANY($1::uuid[]) AND valid_to IS NULL`, [
      removes.map(storedKey),
    ]);
  }
  if (closes.length > 0) {
    await tx.query(
      `UPDATE ${table} t SET valid_to = c.at
       FROM unnest($1::uuid[], $2::timestamptz[]) AS c(key, at)
       WHERE t.key = c.key AND t.valid_to IS NULL`,
      [closes.map((c) => storedKey(c.key)), closes.map((c) => c.at)],
    );
  }
  if (inserts.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (key, valid_from, valid_to, ${columns.map((c) => c.column).join(', ')})
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], ${columns
       .map((c, i) => `$${i + 4}::${arrayType[c.type]}`)
       .join(', ')})`,
    [
      inserts.map((v) => storedKey(v.key)),
      inserts.map((v) => v.validFrom),
      inserts.map((v) => v.validTo),
      ...columns.map((c) => inserts.map((v) => v.row[c.field] ?? null)),
    ],
  );
};

const toKpiEvent = (stored: StoredEvent): KpiEvent =>
  ({
    type: stored.type,
    data: stored.data,
    workspaceId: stored.workspaceId,
    occurredAt: new Date(stored.metadata.occurredAt).toISOString(),
  }) as KpiEvent;

type Loaded = { [T in KpiTableName]: Map<string, Current> };

const rollupOf = (loaded: Loaded): KpiRollup =>
  Object.fromEntries(
    tableNames.map((name) => [
      name,
      new Map([...loaded[name]].map(([key, { row }]) => [key, row])),
    ]),
  ) as unknown as KpiRollup;

const loadMissing = async (
  tx: EntityManager,
  loaded: Loaded,
  name: KpiTableName,
  keys: Iterable<string>,
): Promise<void> => {
  const missing = [...new Set(keys)].filter((key) => !loaded[name].has(key));
  for (const [key, current] of await loadCurrent(tx, name, missing)) loaded[name].set(key, current);
};

/**
 * The KPI rollup (docs/kpis.md), every row versioned by the occurredAt of the events that wrote
 * it. A batch loads the rows its events read, decides with the pure `kpiRowWrites`, loads the rows
 * it writes that were not read (counters must be summed onto their stored counts), decides again
 * on the complete state, and writes one version per row per event moment: closing the versions it
 * replaces and inserting the new ones, a few statements per table.
 */
export const kpisProjection: Projection = {
  name: 'kpis',
  tables: tableNames.map((name) => kpiTables[name].table),
  handles: new Set<string>(kpiEventTypes),
  applyBatch: async (tx: EntityManager, stored: readonly StoredEvent[]) => {
    const events = stored.map(toKpiEvent);
    const loaded = Object.fromEntries(
      tableNames.map((name) => [name, new Map<string, Current>()]),
    ) as Loaded;
    const reads = kpiRowsRead(events);
    for (const [name, keys] of Object.entries(reads)) {
      await loadMissing(tx, loaded, name as KpiTableName, keys);
    }
    const customers = [...loaded.customers.values()].map((c) => c.row as CustomerRow);
    await loadMissing(tx, loaded, 'companies', kpiCompaniesRead(customers, events));
    const written = new Map<KpiTableName, Set<string>>();
    for (const { table, key } of kpiRowWrites(rollupOf(loaded), events)) {
      written.set(table, (written.get(table) ?? new Set()).add(key));
    }
    for (const [name, keys] of written) await loadMissing(tx, loaded, name, keys);
    const writes = new Map<KpiTableName, { key: string; row: Row | null; at: string }[]>();
    for (const { eventIndex, table, key, row } of kpiRowWrites(rollupOf(loaded), events)) {
      const tableWrites = writes.get(table) ?? [];
      tableWrites.push({ key, row: row, at: events[eventIndex]?.occurredAt ?? '' });
      writes.set(table, tableWrites);
    }
    for (const [name, tableWrites] of writes) {
      await write(tx, name, versionsOf(name, loaded[name], tableWrites));
    }
  },
};
