import type { KpiTableName } from '@chorus/domain';

/** How a column is stored: Postgres type of each value. */
export type KpiColumnType = 'text' | 'date' | 'timestamptz' | 'int4' | 'int8' | 'float8' | 'bool';

/**
 * How a table keeps its history (ADR 13):
 * - `counter`: the current counts, one row per key, plus `<table>_changes`, one row of deltas per
 *   event that moved them, stamped `at`: a past moment sums the changes up to it;
 * - `set`: rows only ever added, each stamped `valid_from`: a past moment has those added by then;
 * - `versioned`: every version of each row, live from `valid_from` until `valid_to` (null while
 *   current).
 */
export type KpiTableKind = 'counter' | 'set' | 'versioned';

export type KpiTableDefinition = {
  table: string;
  kind: KpiTableKind;
  /** Field of the domain row → column and type; a counter's counts are the `int4`/`float8` ones. */
  columns: readonly { field: string; column: string; type: KpiColumnType }[];
};

const column = (field: string, type: KpiColumnType, name?: string) => ({
  field,
  column: name ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  type,
});
const text = (field: string) => column(field, 'text');
const where = [text('workspaceId')];
const affiliation = [text('boardId'), text('segment'), text('plan')];

/**
 * The KPI rollup's tables (packages/domain/src/kpis/kpi-rollup.ts): `key` (a uuid of the domain
 * row's key), the columns of its kind's history, then these columns.
 */
export const kpiTables: { readonly [T in KpiTableName]: KpiTableDefinition } = {
  feedbackDaily: {
    table: 'kpi_feedback_daily',
    kind: 'counter',
    columns: [
      ...where,
      column('day', 'date'),
      text('boardId'),
      text('source'),
      text('segment'),
      text('plan'),
      column('submitted', 'int4'),
    ],
  },
  votesDaily: {
    table: 'kpi_votes_daily',
    kind: 'counter',
    columns: [
      ...where,
      column('day', 'date'),
      ...affiliation,
      column('cast', 'int4', 'votes_cast'),
      column('withdrawn', 'int4', 'votes_withdrawn'),
    ],
  },
  acceptedDaily: {
    table: 'kpi_accepted_daily',
    kind: 'counter',
    columns: [...where, column('day', 'date'), column('items', 'int4'), column('points', 'float8')],
  },
  sprintWork: {
    table: 'kpi_sprint_work',
    kind: 'counter',
    columns: [
      ...where,
      text('sprintId'),
      column('acceptedItems', 'int4'),
      column('acceptedPoints', 'float8'),
      column('carriedOverItems', 'int4'),
      column('carriedOverPoints', 'float8'),
    ],
  },
  voterDays: {
    table: 'kpi_voter_days',
    kind: 'set',
    columns: [...where, column('day', 'date'), text('voterId'), ...affiliation],
  },
  activeDays: {
    table: 'kpi_active_days',
    kind: 'set',
    columns: [
      ...where,
      column('day', 'date'),
      text('customerId'),
      text('companyId'),
      ...affiliation,
    ],
  },
  feedback: {
    table: 'kpi_feedback',
    kind: 'versioned',
    columns: [
      ...where,
      text('feedbackId'),
      text('boardId'),
      text('source'),
      text('segment'),
      text('plan'),
      column('submittedAt', 'timestamptz'),
      text('statusId'),
      text('statusKind'),
      column('firstResponseAt', 'timestamptz'),
      column('triagedAt', 'timestamptz'),
      column('reachedActive', 'bool'),
      column('reachedDone', 'bool'),
      column('doneAt', 'timestamptz'),
      column('notified', 'bool'),
      text('moderation'),
      column('spam', 'bool'),
      text('mergedInto'),
    ],
  },
  ballots: {
    table: 'kpi_ballots',
    kind: 'versioned',
    columns: [...where, text('feedbackId'), text('voterId'), column('votedAt', 'timestamptz')],
  },
  links: {
    table: 'kpi_feedback_links',
    kind: 'versioned',
    columns: [...where, text('feedbackId'), text('itemId')],
  },
  customers: {
    table: 'kpi_customers',
    kind: 'versioned',
    columns: [...where, text('customerId'), text('companyId')],
  },
  companies: {
    table: 'kpi_companies',
    kind: 'versioned',
    columns: [
      ...where,
      text('companyId'),
      text('segment'),
      text('plan'),
      column('mrrCents', 'int8'),
    ],
  },
  backlogItems: {
    table: 'kpi_backlog_items',
    kind: 'versioned',
    columns: [
      ...where,
      text('itemId'),
      text('kind'),
      text('parentId'),
      column('createdAt', 'timestamptz'),
      text('stage'),
      column('estimate', 'float8'),
      column('criteriaCount', 'int4'),
      text('initiativeId'),
    ],
  },
  sprints: {
    table: 'kpi_sprints',
    kind: 'versioned',
    columns: [
      ...where,
      text('sprintId'),
      text('name'),
      column('startDate', 'date'),
      column('endDate', 'date'),
      text('state'),
    ],
  },
  initiatives: {
    table: 'kpi_initiatives',
    kind: 'versioned',
    columns: [
      ...where,
      text('initiativeId'),
      text('title'),
      text('lane'),
      text('quarter'),
      column('archived', 'bool'),
    ],
  },
};

/** A counter's counts: its numeric columns. */
export const kpiCountColumns = (definition: KpiTableDefinition) =>
  definition.columns.filter((c) => c.type === 'int4' || c.type === 'float8');

/** A column as the domain row holds it: days and timestamps as ISO text, money as a number. */
const selectedColumn = (alias: string, column: string, type: KpiColumnType): string =>
  type === 'date'
    ? `${alias}.${column}::text AS ${column}`
    : type === 'int8'
      ? `${alias}.${column}::float8 AS ${column}`
      : type === 'timestamptz'
        ? `to_char(${alias}.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`
        : `${alias}.${column}`;

/**
 * SELECT of a table's rows as they stood at `at` (a SQL expression for a timestamp), or as they
 * are now when `at` is null, keeping those `where` (a condition over alias `t`) accepts. A
 * counter's past counts are its changes summed up to the moment; a row whose counts are all zero
 * is no row, as in the domain's rollup. `extra` adds columns to the select list, except there.
 */
export const selectKpiRows = (
  name: KpiTableName,
  at: string | null,
  where: string,
  extra: readonly string[] = [],
): string => {
  const definition = kpiTables[name];
  const { table, kind, columns } = definition;
  const all = [...extra, ...columns.map((c) => selectedColumn('t', c.column, c.type))].join(', ');
  if (kind === 'counter' && at !== null) {
    const counts = kpiCountColumns(definition);
    const dimensions = columns.filter((c) => !counts.includes(c));
    return `SELECT ${dimensions.map((c) => selectedColumn('t', c.column, c.type)).join(', ')},
        ${counts.map((c) => `sum(t.${c.column})::float8 AS ${c.column}`).join(', ')}
      FROM ${table}_changes t WHERE t.at <= ${at} AND ${where}
      GROUP BY t.key, ${dimensions.map((c) => `t.${c.column}`).join(', ')}
      HAVING ${counts.map((c) => `sum(t.${c.column}) <> 0`).join(' OR ')}`;
  }
  const live =
    kind === 'counter' || at === null
      ? kind === 'versioned'
        ? 't.valid_to IS NULL'
        : 'TRUE'
      : kind === 'set'
        ? `t.valid_from <= ${at}`
        : `t.valid_from <= ${at} AND (t.valid_to IS NULL OR t.valid_to > ${at})`;
  return `SELECT ${all} FROM ${table} t WHERE ${live} AND ${where}`;
};

/** A row selected by `selectKpiRows`, in the domain's shape. */
export const kpiRowOf = (name: KpiTableName, record: Record<string, unknown>): unknown =>
  Object.fromEntries(kpiTables[name].columns.map((c) => [c.field, record[c.column]]));
