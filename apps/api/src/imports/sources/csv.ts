import { z } from 'zod';
import {
  CustomerEmail,
  DEFAULT_BOARD_ID,
  ExternalId,
  FeedbackDescription,
  FeedbackTitle,
  PersonName,
  type Catalog,
  type ImportJobError,
  type ImportRowError,
} from '@chorus/domain';
import {
  issuesOf,
  parseImport,
  readCsvTable,
  widthError,
  type CsvColumns,
} from '../../customers/import/csv-rows';
import { ProblemException } from '../../platform/problem-details';
import {
  emptyPlan,
  isoDateTime,
  UnreadableImport,
  type FeedbackRef,
  type ImportPlan,
  type PlannedCustomer,
} from '../import-plan';

// The four CSV files (docs/imports.md). Customers and companies are the CSV the customers API
// already imports (customers/import/csv-rows.ts): same columns, same rules. Feedback and votes
// name boards, tags and statuses the workspace has, so they are read against its catalog.

export type CsvKind = 'feedback' | 'votes' | 'customers' | 'companies';

/** A job takes as many rows as fit in its body limit. */
const NO_ROW_LIMIT = Number.POSITIVE_INFINITY;

export const csvColumns: Record<'feedback' | 'votes', CsvColumns> = {
  feedback: {
    known: [
      'externalId',
      'title',
      'description',
      'board',
      'tags',
      'status',
      'authorExternalId',
      'authorEmail',
      'authorName',
      'createdAt',
    ],
    required: ['externalId', 'title'],
    attributes: false,
  },
  votes: {
    known: [
      'feedbackExternalId',
      'feedbackId',
      'voterExternalId',
      'voterEmail',
      'voterName',
      'createdAt',
    ],
    required: [],
    attributes: false,
  },
};

/** Tags in one cell: `bug; reporting`. */
const TAG_SEPARATOR = ';';

const DateText = z
  .string()
  .refine(
    (text) => isoDateTime(text) !== null,
    'Use a date like 2024-03-01 or 2024-03-01T09:30:00Z.',
  );

const FeedbackRow = z.object({
  externalId: ExternalId,
  title: FeedbackTitle,
  description: FeedbackDescription.optional(),
  board: z.string().optional(),
  tags: z.string().optional(),
  status: z.string().optional(),
  authorExternalId: ExternalId.optional(),
  authorEmail: CustomerEmail.optional(),
  authorName: PersonName.optional(),
  createdAt: DateText.optional(),
});

const VoteRow = z.object({
  feedbackExternalId: ExternalId.optional(),
  feedbackId: z.uuid('feedbackId must be the id of a Chorus feedback item.').optional(),
  voterExternalId: ExternalId.optional(),
  voterEmail: CustomerEmail.optional(),
  voterName: PersonName.optional(),
  createdAt: DateText.optional(),
});

/** The CSV reader's problem with a whole file (its header, its quoting) as the job's failure. */
const unreadable = (error: unknown): unknown => {
  if (!(error instanceof ProblemException)) return error;
  const { detail } = error.getResponse() as { detail: string };
  return new UnreadableImport(error.errors?.[0]?.message ?? detail);
};

/** Reads a CSV's header and rows; a header this import cannot read fails the whole file. */
const readTable = (spec: CsvColumns, text: string) => {
  try {
    return readCsvTable(spec, text, NO_ROW_LIMIT);
  } catch (error) {
    throw unreadable(error);
  }
};

/** A row's cells as zod input: an empty cell is an absent value. */
const presentCells = (cells: ReadonlyMap<string, string>): Record<string, string> =>
  Object.fromEntries([...cells].filter(([, value]) => value !== ''));

const asJobErrors = (errors: readonly ImportRowError[]): ImportJobError[] =>
  errors.map((e) => ({ part: null, ...e }));

/** By id or, ignoring case, by name. */
const findByIdOrName = <T extends { id: string; name: string }>(list: readonly T[], ref: string) =>
  list.find((item) => item.id === ref) ??
  list.find((item) => item.name.toLowerCase() === ref.toLowerCase());

/**
 * A person named in a row becomes a customer to upsert: by external id, else by email. The first
 * row naming someone says who they are.
 */
const customerOf = (
  customers: Map<string, PlannedCustomer>,
  externalId: string | undefined,
  email: string | undefined,
  name: string | undefined,
  at: PlannedCustomer['at'],
): string | null => {
  const id = externalId ?? email?.toLowerCase();
  if (id === undefined) return null;
  if (!customers.has(id)) {
    customers.set(id, {
      externalId: id,
      ...(email === undefined ? {} : { email: email.toLowerCase() }),
      ...(name === undefined ? {} : { name }),
      at,
    });
  }
  return id;
};

const duplicateError = (row: number, field: string, first: number): ImportJobError => ({
  part: null,
  row,
  field,
  message: `duplicate ${field} in this file, first seen on row ${first}`,
});

const planFeedback = (text: string, catalog: Catalog): ImportPlan => {
  const plan = emptyPlan('csv');
  const { columns, records } = readTable(csvColumns.feedback, text);
  const customers = new Map<string, PlannedCustomer>();
  const firstSeen = new Map<string, number>();
  for (const record of records) {
    const rowErrors: ImportJobError[] = [];
    const width = widthError(record, columns);
    if (width) {
      plan.errors.push({ part: null, ...width });
      continue;
    }
    const parsed = FeedbackRow.safeParse(presentCells(record.cells));
    if (!parsed.success) rowErrors.push(...asJobErrors(issuesOf(record.row, parsed.error)));
    const fail = (field: string, message: string) =>
      rowErrors.push({ part: null, row: record.row, field, message });

    const externalId = record.cells.get('externalId') ?? '';
    const first = externalId ? firstSeen.get(externalId) : undefined;
    if (first !== undefined) rowErrors.unshift(duplicateError(record.row, 'externalId', first));
    else if (externalId) firstSeen.set(externalId, record.row);

    const boardRef = record.cells.get('board') || DEFAULT_BOARD_ID;
    const board = findByIdOrName(catalog.boards, boardRef);
    if (!board) {
      fail(
        'board',
        `There is no board "${boardRef}"; the boards are ${catalog.boards.map((b) => b.id).join(', ')}.`,
      );
    }
    const tagIds: string[] = [];
    for (const tagRef of (record.cells.get('tags') ?? '').split(TAG_SEPARATOR)) {
      if (tagRef.trim() === '') continue;
      const tag = findByIdOrName(catalog.tags, tagRef.trim());
      if (tag) tagIds.push(tag.id);
      else fail('tags', `There is no tag "${tagRef.trim()}".`);
    }
    const statusRef = record.cells.get('status') ?? '';
    const status = statusRef === '' ? null : findByIdOrName(catalog.statuses, statusRef);
    if (statusRef !== '' && !status) {
      fail(
        'status',
        `There is no status "${statusRef}"; the statuses are ${catalog.statuses.map((s) => s.id).join(', ')}.`,
      );
    }
    if (!parsed.success || rowErrors.length > 0 || !board) {
      plan.errors.push(...rowErrors);
      continue;
    }
    const row = parsed.data;
    const at = {
      part: null,
      row: record.row,
      fields: { description: 'description', boardId: 'board' },
    };
    plan.feedback.push({
      key: row.externalId,
      title: row.title,
      body: row.description ?? '',
      board: board.id,
      tags: [...new Set(tagIds)],
      status: status?.id ?? null,
      authorExternalId: customerOf(
        customers,
        row.authorExternalId,
        row.authorEmail,
        row.authorName,
        {
          part: null,
          row: record.row,
          fields: { externalId: 'authorExternalId', email: 'authorEmail', name: 'authorName' },
        },
      ),
      createdAt: isoDateTime(row.createdAt),
      statusChangedAt: null,
      at,
    });
  }
  plan.customers = [...customers.values()];
  return plan;
};

const planVotes = (text: string): ImportPlan => {
  const plan = emptyPlan('csv');
  const { columns, records } = readTable(csvColumns.votes, text);
  if (!columns.includes('feedbackExternalId') && !columns.includes('feedbackId')) {
    throw new UnreadableImport('A votes file needs a feedbackExternalId or a feedbackId column.');
  }
  if (!columns.includes('voterExternalId') && !columns.includes('voterEmail')) {
    throw new UnreadableImport('A votes file needs a voterExternalId or a voterEmail column.');
  }
  const customers = new Map<string, PlannedCustomer>();
  const firstSeen = new Map<string, number>();
  for (const record of records) {
    const width = widthError(record, columns);
    if (width) {
      plan.errors.push({ part: null, ...width });
      continue;
    }
    const parsed = VoteRow.safeParse(presentCells(record.cells));
    if (!parsed.success) {
      plan.errors.push(...asJobErrors(issuesOf(record.row, parsed.error)));
      continue;
    }
    const row = parsed.data;
    const fail = (field: string, message: string) =>
      plan.errors.push({ part: null, row: record.row, field, message });
    const feedback: FeedbackRef | null =
      row.feedbackExternalId !== undefined
        ? { key: row.feedbackExternalId }
        : row.feedbackId !== undefined
          ? { id: row.feedbackId }
          : null;
    if (feedback === null) {
      fail(
        columns.includes('feedbackExternalId') ? 'feedbackExternalId' : 'feedbackId',
        'Name the feedback voted on.',
      );
      continue;
    }
    const at = {
      part: null,
      row: record.row,
      fields: {
        externalId: 'voterExternalId',
        email: 'voterEmail',
        name: 'voterName',
        feedbackId: 'key' in feedback ? 'feedbackExternalId' : 'feedbackId',
      },
    };
    const voter = customerOf(customers, row.voterExternalId, row.voterEmail, row.voterName, at);
    if (voter === null) {
      fail(
        columns.includes('voterExternalId') ? 'voterExternalId' : 'voterEmail',
        'Name the voter by external id or email.',
      );
      continue;
    }
    const ballot = `${'key' in feedback ? feedback.key : feedback.id}\u0000${voter}`;
    const first = firstSeen.get(ballot);
    if (first !== undefined) {
      plan.errors.push({
        part: null,
        row: record.row,
        field: null,
        message: `duplicate vote in this file, first seen on row ${first}`,
      });
      continue;
    }
    firstSeen.set(ballot, record.row);
    plan.votes.push({
      feedback,
      voterExternalId: voter,
      createdAt: isoDateTime(row.createdAt),
      at,
    });
  }
  plan.customers = [...customers.values()];
  return plan;
};

/** Customers and companies go through the customers API's own CSV reading. */
const planPeople = (kind: 'customers' | 'companies', text: string): ImportPlan => {
  const plan = emptyPlan('csv');
  try {
    if (kind === 'companies') {
      const parsed = parseImport(kind, text, NO_ROW_LIMIT);
      plan.errors.push(...asJobErrors(parsed.errors));
      const fields = { mrrCents: 'mrr', attributes: 'attr' };
      plan.companies = parsed.valid.map(({ row, input }) => ({
        ...input,
        at: { part: null, row, fields },
      }));
    } else {
      const parsed = parseImport(kind, text, NO_ROW_LIMIT);
      plan.errors.push(...asJobErrors(parsed.errors));
      const fields = { companyId: 'companyExternalId' };
      plan.customers = parsed.valid.map(({ row, input }) => ({
        ...input,
        at: { part: null, row, fields },
      }));
    }
  } catch (error) {
    throw unreadable(error);
  }
  return plan;
};

/** Reads one of the CSV files into a plan; `catalog` is the workspace's, for feedback. */
export const planFromCsv = (kind: CsvKind, text: string, catalog: Catalog): ImportPlan => {
  switch (kind) {
    case 'feedback':
      return planFeedback(text, catalog);
    case 'votes':
      return planVotes(text);
    case 'customers':
    case 'companies':
      return planPeople(kind, text);
  }
};
