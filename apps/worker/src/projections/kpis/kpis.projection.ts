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
  kpiCountColumns,
  kpiRowOf,
  kpiTables,
  selectKpiRows,
  type KpiColumnType,
  type KpiTableDefinition,
  type Projection,
  type StoredEvent,
} from '@chorus/event-store';

type Row = Record<string, unknown>;
type Current = { row: Row; validFrom: string };
type Version = { key: string; row: Row; validFrom: string; validTo: string | null };

const tableNames = Object.keys(kpiTables) as KpiTableName[];
const ofKind = (kind: KpiTableDefinition['kind']) =>
  tableNames.filter((name) => kpiTables[name].kind === kind);

/** Rows are stored under a uuid of their domain key: short, fixed width, one index type. */
const storedKey = (key: string): string => {
  const hex = createHash('md5').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The current versions of the given rows of one table, by domain key. */
const loadCurrent = async (
  tx: EntityManager,
  name: KpiTableName,
  keys: readonly string[],
): Promise<Map<string, Current>> => {
  if (keys.length === 0) return new Map();
  const byStoredKey = new Map(keys.map((key) => [storedKey(key), key]));
  const records = await tx.query<Row[]>(
    selectKpiRows(name, null, 't.key = ANY($1::uuid[])', [
      't.key::text AS stored_key',
      't.valid_from',
    ]),
    [[...byStoredKey.keys()]],
  );
  return new Map(
    records.map((record) => [
      byStoredKey.get(record.stored_key as string) ?? '',
      { validFrom: (record.valid_from as Date).toISOString(), row: kpiRowOf(name, record) as Row },
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

/** Closes the versions a batch replaces and inserts the new ones, a statement each. */
const writeVersions = async (
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

type TableWrite = { key: string; row: Row | null; at: string };

const columnArrays = (
  definition: KpiTableDefinition,
  rows: readonly Row[],
  from: number,
): { placeholders: string; values: unknown[][] } => ({
  placeholders: definition.columns.map((c, i) => `$${i + from}::${arrayType[c.type]}`).join(', '),
  values: definition.columns.map((c) => rows.map((row) => row[c.field] ?? null)),
});

/**
 * A counter's writes as the changes they made (each event's counts minus the ones before it,
 * whatever the stored counts were), appended to its changes table, and added to its current
 * counts; a row whose counts come to zero is deleted.
 */
const writeCounter = async (
  tx: EntityManager,
  name: KpiTableName,
  writes: readonly TableWrite[],
): Promise<void> => {
  const definition = kpiTables[name];
  const counts = kpiCountColumns(definition);
  const latest = new Map<string, Row>();
  const changes: { key: string; at: string; row: Row }[] = [];
  const totals = new Map<string, Row>();
  for (const { key, row, at } of writes) {
    const before = latest.get(key);
    const shape = row ?? before;
    if (!shape) continue;
    const change: Row = { ...shape };
    for (const c of counts) {
      change[c.field] = Number(row?.[c.field] ?? 0) - Number(before?.[c.field] ?? 0);
    }
    latest.set(key, row ?? { ...shape, ...Object.fromEntries(counts.map((c) => [c.field, 0])) });
    if (counts.every((c) => change[c.field] === 0)) continue;
    changes.push({ key, at, row: change });
    const total = totals.get(key);
    totals.set(
      key,
      total
        ? {
            ...total,
            ...Object.fromEntries(
              counts.map((c) => [c.field, Number(total[c.field]) + Number(change[c.field])]),
            ),
          }
        : change,
    );
  }
  if (changes.length === 0) return;
  const { table, columns } = definition;
  const names = columns.map((c) => c.column).join(', ');
  const logged = columnArrays(
    definition,
    changes.map((c) => c.row),
    3,
  );
  await tx.query(
    `INSERT INTO ${table}_changes (key, at, ${names})
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], ${logged.placeholders})`,
    [changes.map((c) => storedKey(c.key)), changes.map((c) => c.at), ...logged.values],
  );
  const keys = [...totals.keys()];
  const summed = columnArrays(definition, [...totals.values()], 2);
  await tx.query(
    `INSERT INTO ${table} (key, ${names})
     SELECT * FROM unnest($1::uuid[], ${summed.placeholders})
     ON CONFLICT (key) DO UPDATE SET
       ${counts.map((c) => `${c.column} = ${table}.${c.column} + EXCLUDED.${c.column}`).join(', ')}`,
    [keys.map(storedKey), ...summed.values],
  );
  await tx.query(
    `DELETE FROM ${table} WHERE key = ANY($1::uuid[])
       AND ${counts.map((c) => `${c.column} = 0`).join(' AND ')}`,
    [keys.map(storedKey)],
  );
};

/** A set's rows, each stamped with the first moment it was added; rows already there stay. */
const writeSet = async (
  tx: EntityManager,
  name: KpiTableName,
  writes: readonly TableWrite[],
): Promise<void> => {
  const added = new Map<string, { row: Row; at: string }>();
  for (const { key, row, at } of writes) {
    if (row && !added.has(key)) added.set(key, { row, at });
  }
  if (added.size === 0) return;
  const definition = kpiTables[name];
  const rows = [...added.values()];
  const values = columnArrays(
    definition,
    rows.map((r) => r.row),
    3,
  );
  await tx.query(
    `INSERT INTO ${definition.table} (key, valid_from, ${definition.columns.map((c) => c.column).join(', ')})
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], ${values.placeholders})
     ON CONFLICT (key) DO NOTHING`,
    [[...added.keys()].map(storedKey), rows.map((r) => r.at), ...values.values],
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
 * The KPI rollup (docs/kpis.md) with its history (ADR 13). A batch loads the rows its events read,
 * decides with the pure `kpiRowWrites`, and writes a few statements per table: counters as the
 * changes each event made (so their stored counts need not be read), sets as rows added, and the
 * other tables as one version per row per event moment, closing the versions they replace.
 */
export const kpisProjection: Projection = {
  name: 'kpis',
  tables: tableNames.flatMap((name) => {
    const { table, kind } = kpiTables[name];
    return kind === 'counter' ? [table, `${table}_changes`] : [table];
  }),
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
    const writes = new Map<KpiTableName, TableWrite[]>();
    for (const { eventIndex, table, key, row } of kpiRowWrites(rollupOf(loaded), events)) {
      const tableWrites = writes.get(table) ?? [];
      tableWrites.push({ key, row: row, at: events[eventIndex]?.occurredAt ?? '' });
      writes.set(table, tableWrites);
    }
    for (const name of ofKind('counter')) await writeCounter(tx, name, writes.get(name) ?? []);
    for (const name of ofKind('set')) await writeSet(tx, name, writes.get(name) ?? []);
    for (const name of ofKind('versioned')) {
      const tableWrites = writes.get(name) ?? [];
      await loadMissing(
        tx,
        loaded,
        name,
        tableWrites.map((w) => w.key),
      );
      await writeVersions(tx, name, versionsOf(name, loaded[name], tableWrites));
    }
  },
};
