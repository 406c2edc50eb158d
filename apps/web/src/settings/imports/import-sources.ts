import {
  DEFAULT_BOARD_ID,
  IMPORT_MAX_BYTES,
  importMediaTypes,
  importSources,
  type Catalog,
  type ImportItemKind,
  type ImportSource,
} from '@chorus/domain/client';

// What each import source takes, as docs/imports.md describes it: the columns of the four CSV
// files (as the API reads them), and the file each source expects.

export type CsvColumn = { name: string; required?: boolean; what: string };

type SourceInfo = {
  label: string;
  /** One line under the choice. */
  description: string;
  /** What a file of this source is called, for messages: "a CSV file". */
  fileKind: string;
  /** The file names it takes, for the picker and its check. */
  extensions: readonly string[];
  /** The CSV's columns, in the order of the example. */
  columns?: readonly CsvColumn[];
  /** A line under the columns, for rules that involve more than one of them. */
  columnsNote?: string;
};

const CSV = ['.csv'] as const;

export const sourceInfo: Record<ImportSource, SourceInfo> = {
  'csv-feedback': {
    label: 'Feedback (CSV)',
    description:
      'Feedback requests, one per row. Authors named in a row become customers; boards, tags and statuses must already exist.',
    fileKind: 'a CSV file',
    extensions: CSV,
    columns: [
      { name: 'externalId', required: true, what: 'Its id in the other tool; matches on re-runs' },
      { name: 'title', required: true, what: 'The request, 3 to 200 characters' },
      { name: 'description', what: 'The details, in Markdown' },
      { name: 'board', what: `A board's id or name (${DEFAULT_BOARD_ID} when empty)` },
      { name: 'tags', what: 'Tag ids or names, separated by ;' },
      { name: 'status', what: "A status's id or name" },
      {
        name: 'authorExternalId',
        what: "The author's id in the other tool (without an author, you are the author)",
      },
      { name: 'authorEmail', what: "The author's email" },
      { name: 'authorName', what: "The author's name" },
      { name: 'createdAt', what: 'When it was asked, like 2024-03-01 or 2024-03-01T09:30:00Z' },
    ],
  },
  'csv-votes': {
    label: 'Votes (CSV)',
    description:
      'Who asked for what: one vote per row, on feedback imported before or already in Chorus. Voters become customers.',
    fileKind: 'a CSV file',
    extensions: CSV,
    columns: [
      { name: 'feedbackExternalId', what: 'The externalId of imported feedback' },
      { name: 'feedbackId', what: 'Or the id of a Chorus feedback item' },
      { name: 'voterExternalId', what: "The voter's id in the other tool" },
      { name: 'voterEmail', what: "Or the voter's email" },
      { name: 'voterName', what: "The voter's name" },
      { name: 'createdAt', what: 'When they voted' },
    ],
    columnsNote: 'Each row names the feedback (by one of its ids) and the voter (id or email).',
  },
  'csv-customers': {
    label: 'Customers (CSV)',
    description: 'The people who give feedback, matched by their id in your CRM or product.',
    fileKind: 'a CSV file',
    extensions: CSV,
    columns: [
      { name: 'externalId', required: true, what: 'Their id in your CRM or product' },
      { name: 'email', what: 'Their email' },
      { name: 'name', what: 'Their name' },
      { name: 'companyExternalId', what: 'The externalId of their company, which must exist' },
    ],
  },
  'csv-companies': {
    label: 'Companies (CSV)',
    description:
      'The accounts customers belong to, with their revenue for weighing feedback by MRR.',
    fileKind: 'a CSV file',
    extensions: CSV,
    columns: [
      { name: 'externalId', required: true, what: 'Its id in your CRM' },
      { name: 'name', what: 'The company name' },
      { name: 'domain', what: 'Like example.com' },
      { name: 'plan', what: 'The plan they are on' },
      { name: 'mrr', what: 'Monthly recurring revenue, like 1234.50' },
      { name: 'segment', what: 'Like Enterprise or SMB' },
      { name: 'attr.<name>', what: 'Any custom attribute, one column each' },
    ],
  },
  canny: {
    label: 'Canny export (JSON)',
    description:
      "Boards, posts, votes, comments, users, companies, tags and changelog entries, as one JSON document in the shapes of Canny's API.",
    fileKind: 'a JSON file',
    extensions: ['.json'],
  },
  fider: {
    label: 'Fider backup (.zip)',
    description:
      "The backup.zip downloaded from Fider's admin page: posts, votes, comments, tags and users.",
    fileKind: 'a zip file',
    extensions: ['.zip'],
  },
};

export const sourceOptions = importSources.map((source) => ({
  value: source,
  label: sourceInfo[source].label,
}));

export const itemKindLabels: Record<ImportItemKind, string> = {
  boards: 'Boards',
  tags: 'Tags',
  statuses: 'Statuses',
  companies: 'Companies',
  customers: 'Customers',
  feedback: 'Feedback',
  votes: 'Votes',
  comments: 'Comments',
  merges: 'Merges',
  changelog: 'Changelog entries',
};

const units = ['bytes', 'KB', 'MB', 'GB'] as const;

/** A size for people: `834 bytes`, `12.4 MB`. */
export const formatBytes = (bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} ${units[unit]}`;
};

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
};

/** The source whose files look like this one, to point to it when another one is chosen. */
const sourceTaking = (file: File): ImportSource | undefined =>
  importSources.find(
    (source) =>
      sourceInfo[source].extensions.includes(extensionOf(file.name)) ||
      importMediaTypes[source].includes(file.type),
  );

/** Why this file cannot be imported as `source`, or null when it can. */
export const fileProblem = (source: ImportSource, file: File): string | null => {
  const info = sourceInfo[source];
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > IMPORT_MAX_BYTES) {
    return `“${file.name}” is ${formatBytes(file.size)}; an import takes at most ${formatBytes(IMPORT_MAX_BYTES)}. Split it into smaller files.`;
  }
  const extension = extensionOf(file.name);
  // Browsers label files by their extension, and some label none: either one is enough.
  if (info.extensions.includes(extension) || importMediaTypes[source].includes(file.type)) {
    return null;
  }
  const wanted = `${info.label} takes ${info.fileKind} (${info.extensions.join(', ')}).`;
  if (extension === '.xlsx' || extension === '.xls' || extension === '.numbers') {
    return `“${file.name}” is a spreadsheet. ${wanted} Save the sheet as CSV (UTF-8) and choose that file.`;
  }
  const other = sourceTaking(file);
  if (other && sourceInfo[other].fileKind !== info.fileKind) {
    return `“${file.name}” is ${sourceInfo[other].fileKind}. ${wanted} To import it, choose ${sourceInfo[other].label} above.`;
  }
  return `“${file.name}” cannot be imported here. ${wanted}`;
};

/** The picker's `accept`: the extensions and media types of the source. */
export const acceptOf = (source: ImportSource): string =>
  [...sourceInfo[source].extensions, ...importMediaTypes[source]].join(',');

const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const csvText = (rows: readonly (readonly string[])[]): string =>
  `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

type CsvSource = 'csv-feedback' | 'csv-votes' | 'csv-customers' | 'csv-companies';

export const isCsvSource = (source: ImportSource): source is CsvSource =>
  sourceInfo[source].columns !== undefined;

/**
 * A small file of the source that imports cleanly here: feedback names this workspace's own
 * board, tag and status, votes name that feedback, customers that company.
 */
export const exampleCsv = (source: CsvSource, catalog: Catalog): string => {
  switch (source) {
    case 'csv-feedback': {
      const board = catalog.boards[0]?.name ?? DEFAULT_BOARD_ID;
      const tag = catalog.tags[0]?.name ?? '';
      const status = catalog.statuses[0]?.name ?? '';
      return csvText([
        sourceInfo[source].columns?.map((column) => column.name) ?? [],
        [
          'UV-1001',
          'Export reports to PDF',
          'We send a PDF to our board every month.',
          board,
          tag,
          status,
          'cust-42',
          'ada@example.com',
          'Ada Lovelace',
          '2024-03-01',
        ],
        ['UV-1002', 'Dark mode', '', board, '', '', 'cust-43', '', 'Grace Hopper', ''],
      ]);
    }
    case 'csv-votes':
      return csvText([
        ['feedbackExternalId', 'voterExternalId', 'voterEmail', 'voterName', 'createdAt'],
        ['UV-1001', 'cust-43', 'grace@example.com', 'Grace Hopper', '2024-03-02'],
        ['UV-1002', 'cust-42', '', '', ''],
      ]);
    case 'csv-customers':
      return csvText([
        ['externalId', 'email', 'name', 'companyExternalId'],
        ['cust-42', 'ada@example.com', 'Ada Lovelace', 'acme'],
        ['cust-43', 'grace@example.com', 'Grace Hopper', ''],
      ]);
    case 'csv-companies':
      return csvText([
        ['externalId', 'name', 'domain', 'plan', 'mrr', 'segment', 'attr.region'],
        ['acme', 'Acme Inc.', 'acme.example', 'Enterprise', '4200.00', 'Enterprise', 'EMEA'],
        ['globex', 'Globex', 'globex.example', 'Growth', '350', 'SMB', 'NA'],
      ]);
  }
};
