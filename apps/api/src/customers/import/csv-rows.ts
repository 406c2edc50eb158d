import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  CompanyAttributes,
  CompanyDomain,
  CompanyName,
  CustomerEmail,
  ExternalId,
  MrrCents,
  PersonName,
  Plan,
  Segment,
  type CompanyInput,
  type CustomerInput,
  type ImportKind,
  type ImportRowError,
} from '@chorus/domain';
import { fieldError, ProblemException, validationFailed } from '../../platform/problem-details';

/** An import takes at most this many data rows: one transaction, one request. */
export const IMPORT_MAX_ROWS = 10_000;

/** A row is the same input as the upsert endpoints take. */
export type CompanyRow = CompanyInput;
export type CustomerRow = CustomerInput;
export type ImportRow<T> = { row: number; input: T };
export type ParsedImport<T> = { rows: number; valid: ImportRow<T>[]; errors: ImportRowError[] };

/** The columns of one kind of CSV file: those it knows, those it needs, and attr.<name> ones. */
export type CsvColumns = {
  known: readonly string[];
  required: readonly string[];
  attributes: boolean;
};

const columnsOf: Record<ImportKind, CsvColumns> = {
  companies: {
    known: ['externalId', 'name', 'domain', 'plan', 'mrr', 'segment'],
    required: ['externalId'],
    attributes: true,
  },
  customers: {
    known: ['externalId', 'email', 'name', 'companyExternalId'],
    required: ['externalId'],
    attributes: false,
  },
};
const ATTRIBUTE_PREFIX = 'attr.';

const headerProblem = (message: string) => validationFailed([fieldError(['header'], message)]);

/** Decimal currency units (`1234.5`, `1234.50`) as whole cents, without floating point. */
const Mrr = z
  .string()
  .transform((text, ctx) => {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.replace(/[\s_]/g, ''));
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'MRR must be an amount like 1234.50.' });
      return z.NEVER;
    }
    const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
    return match[1] ? -cents : cents;
  })
  .pipe(MrrCents);

/** Attribute cells are text in a CSV: numbers and true/false become numbers and booleans. */
const attributeValue = (text: string): string | number | boolean => {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text) && text.length <= 15) return Number(text);
  return text;
};

const CompanyRowSchema = z.object({
  externalId: ExternalId,
  name: CompanyName.optional(),
  domain: CompanyDomain.nullable().optional(),
  plan: Plan.nullable().optional(),
  mrr: Mrr.optional(),
  segment: Segment.nullable().optional(),
});
const CustomerRowSchema = z.object({
  externalId: ExternalId,
  email: CustomerEmail.nullable().optional(),
  name: PersonName.optional(),
  companyExternalId: ExternalId.nullable().optional(),
});

/**
 * A present column with an empty cell clears a nullable field and leaves the others as they are;
 * an absent column leaves its field as it is.
 */
const cellsToInput = (
  kind: ImportKind,
  cells: ReadonlyMap<string, string>,
): Record<string, unknown> => {
  const input: Record<string, unknown> = {};
  const nullable =
    kind === 'companies' ? ['domain', 'plan', 'segment'] : ['email', 'companyExternalId'];
  for (const [column, value] of cells) {
    if (column.startsWith(ATTRIBUTE_PREFIX)) continue;
    // An empty external id is reported as such, not as a missing column.
    if (value !== '' || column === 'externalId') input[column] = value;
    else if (nullable.includes(column)) input[column] = null;
  }
  return input;
};

export type Cells = { row: number; cells: Map<string, string>; width: number };

/**
 * Splits a CSV body into its header and data rows, numbered from 1 after the header. Import jobs
 * take larger files than a request does: they pass their own `maxRows`.
 */
export const readCsvTable = (
  spec: CsvColumns,
  text: string,
  maxRows = IMPORT_MAX_ROWS,
): { columns: string[]; records: Cells[] } => {
  let table: string[][];
  try {
    table = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 100_000,
    });
  } catch (error) {
    throw validationFailed([
      fieldError(['(body)'], `This is not a readable CSV file: ${(error as Error).message}`),
    ]);
  }
  const [header, ...data] = table;
  if (!header) throw headerProblem('The file is empty; the first row must name the columns.');
  if (data.length > maxRows) {
    throw new ProblemException(
      413,
      'too-large',
      'Content too large',
      `An import takes at most ${maxRows} rows; this file has ${data.length}. Split it.`,
    );
  }
  const { known } = spec;
  const columns = header.map((cell) => {
    const name = cell.trim();
    if (spec.attributes && name.startsWith(ATTRIBUTE_PREFIX)) return name;
    const column = known.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!column) {
      const attr = spec.attributes ? `, or attr.<name> for a custom attribute` : '';
      throw headerProblem(`Unknown column "${name}". The columns are ${known.join(', ')}${attr}.`);
    }
    return column;
  });
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate) throw headerProblem(`The column "${duplicate}" appears twice.`);
  const missing = spec.required.find((c) => !columns.includes(c));
  if (missing) throw headerProblem(`The column "${missing}" is required.`);
  const records = data.map((cells, index) => ({
    row: index + 1,
    width: cells.length,
    cells: new Map(columns.map((column, i) => [column, (cells[i] ?? '').trim()])),
  }));
  return { columns, records };
};

export const readCsv = (kind: ImportKind, text: string, maxRows = IMPORT_MAX_ROWS) =>
  readCsvTable(columnsOf[kind], text, maxRows);

/** The message of the first issue, looking inside a record's "invalid key" issue. */
const firstMessage = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (issue?.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue?.message ?? 'This value is not valid.';
};

export const issuesOf = (row: number, error: z.ZodError): ImportRowError[] =>
  error.issues.map((issue) => ({
    row,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : null,
    message: issue.message,
  }));

export const widthError = (record: Cells, columns: readonly string[]): ImportRowError | null =>
  record.width === columns.length
    ? null
    : {
        row: record.row,
        field: null,
        message: `This row has ${record.width} cells but the header names ${columns.length} columns.`,
      };

const parseCompany = (record: Cells): { input?: CompanyRow; errors: ImportRowError[] } => {
  const parsed = CompanyRowSchema.safeParse(cellsToInput('companies', record.cells));
  const errors = parsed.success ? [] : issuesOf(record.row, parsed.error);
  const attributeColumns = [...record.cells.keys()].filter((c) => c.startsWith(ATTRIBUTE_PREFIX));
  let attributes: Record<string, string | number | boolean> | undefined;
  if (attributeColumns.length > 0) {
    attributes = {};
    for (const column of attributeColumns) {
      const text = record.cells.get(column) ?? '';
      if (text === '') continue;
      const name = column.slice(ATTRIBUTE_PREFIX.length);
      const one = CompanyAttributes.safeParse({ [name]: attributeValue(text) });
      if (one.success) Object.assign(attributes, one.data);
      else errors.push({ row: record.row, field: column, message: firstMessage(one.error) });
    }
  }
  if (!parsed.success || errors.length > 0) return { errors };
  const { mrr, ...fields } = parsed.data;
  return { input: { ...fields, mrrCents: mrr, attributes }, errors };
};

const parseCustomer = (record: Cells): { input?: CustomerRow; errors: ImportRowError[] } => {
  const parsed = CustomerRowSchema.safeParse(cellsToInput('customers', record.cells));
  return parsed.success
    ? { input: parsed.data, errors: [] }
    : { errors: issuesOf(record.row, parsed.error) };
};

/**
 * Validates every row of an import: each valid row becomes an upsert's input; each invalid one
 * is reported by row number and column. A second row for an external id is an error, never a
 * silent overwrite.
 */
export function parseImport(
  kind: 'companies',
  text: string,
  maxRows?: number,
): ParsedImport<CompanyRow>;
export function parseImport(
  kind: 'customers',
  text: string,
  maxRows?: number,
): ParsedImport<CustomerRow>;
export function parseImport(
  kind: ImportKind,
  text: string,
  maxRows = IMPORT_MAX_ROWS,
): ParsedImport<CompanyRow> | ParsedImport<CustomerRow> {
  const { columns, records } = readCsv(kind, text, maxRows);
  const valid: ImportRow<CompanyRow | CustomerRow>[] = [];
  const errors: ImportRowError[] = [];
  const firstSeen = new Map<string, number>();
  for (const record of records) {
    const width = widthError(record, columns);
    if (width) {
      errors.push(width);
      continue;
    }
    const { input, errors: rowErrors } =
      kind === 'companies' ? parseCompany(record) : parseCustomer(record);
    const externalId = (input?.externalId ?? record.cells.get('externalId') ?? '').trim();
    const first = externalId ? firstSeen.get(externalId) : undefined;
    if (first !== undefined) {
      rowErrors.unshift({
        row: record.row,
        field: 'externalId',
        message: `duplicate externalId in this file, first seen on row ${first}`,
      });
    } else if (externalId) {
      firstSeen.set(externalId, record.row);
    }
    if (input && rowErrors.length === 0) valid.push({ row: record.row, input });
    else errors.push(...rowErrors);
  }
  return { rows: records.length, valid, errors };
}
