import type { KpiTableName } from '@chorus/domain';

/** How a column is stored: Postgres type of each value. */
export type KpiColumnType = 'text' | 'date' | 'timestamptz' | 'int4' | 'int8' | 'float8' | 'bool';

export type KpiTableDefinition = {
  table: string;
  /** Field of the domain row → column and type. */
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
 * The KPI rollup's tables (packages/domain/src/kpis/kpi-rollup.ts), each row a version: `key`
 * (uuid of the domain row's key), `valid_from` and `valid_to` (occurredAt of the events that wrote
 * it and replaced it; null while current), then these columns.
 */
export const kpiTables: { readonly [T in KpiTableName]: KpiTableDefinition } = {
  feedbackDaily: {
    table: 'kpi_feedback_daily',
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
    columns: [...where, column('day', 'date'), column('items', 'int4'), column('points', 'float8')],
  },
  sprintWork: {
    table: 'kpi_sprint_work',
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
    columns: [...where, column('day', 'date'), text('voterId'), ...affiliation],
  },
  activeDays: {
    table: 'kpi_active_days',
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
    columns: [...where, text('feedbackId'), text('voterId'), column('votedAt', 'timestamptz')],
  },
  links: { table: 'kpi_feedback_links', columns: [...where, text('feedbackId'), text('itemId')] },
  customers: { table: 'kpi_customers', columns: [...where, text('customerId'), text('companyId')] },
  companies: {
    table: 'kpi_companies',
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
