import type { DataSource } from 'typeorm';
import type { ActorRoleName, AuditEntry, AuditLinkKind } from '@chorus/domain';
import { namesOf } from '../teammates/people';
import { describeStream, isLinkKind, type ResourceRef } from './audit-resources';
import { summarise } from './audit-summary';

type Queryable = Pick<DataSource, 'query'>;

/** Which events of a workspace: every field given narrows; times are `occurredAt` text. */
export type AuditFilter = {
  actorId?: string | undefined;
  types?: readonly string[] | undefined;
  streamId?: string | undefined;
  streamType?: string | undefined;
  /** Happened at or after. */
  from?: string | undefined;
  /** Happened before. */
  until?: string | undefined;
};

/** Where a page ended: its last entry's `occurredAt` and position. */
export type AuditPosition = [occurredAt: string, position: string];

export type AuditRow = {
  position: string;
  occurred_at: string;
  actor_id: string;
  correlation_id: string | null;
  type: string;
  stream_id: string;
  stream_type: string;
  data: Record<string, unknown>;
};

// Sorting and comparing on exactly this expression lets the events_audit* indexes serve it.
const OCCURRED_AT = `(metadata->>'occurredAt') COLLATE "C"`;

/**
 * The next `limit` events of the workspace after `after`, newest first: by when they happened,
 * then by position. One walk of the events_audit index that matches the filter (actor, type,
 * stream type), or of a stream's own index.
 */
export const readAuditRows = async (
  db: Queryable,
  workspaceId: string,
  filter: AuditFilter,
  after: AuditPosition | null,
  limit: number,
): Promise<AuditRow[]> => {
  const params: unknown[] = [workspaceId];
  const where = ['workspace_id = $1'];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.actorId !== undefined) where.push(`metadata->>'actorId' = ${param(filter.actorId)}`);
  // One type as `=`: the planner walks events_audit_by_type in order only for an equality.
  if (filter.types?.length === 1) where.push(`type = ${param(filter.types[0])}`);
  else if (filter.types !== undefined) where.push(`type = ANY(${param(filter.types)}::text[])`);
  if (filter.streamId !== undefined) where.push(`stream_id = ${param(filter.streamId)}`);
  if (filter.streamType !== undefined) where.push(`stream_type = ${param(filter.streamType)}`);
  if (filter.from !== undefined) where.push(`${OCCURRED_AT} >= ${param(filter.from)}`);
  if (filter.until !== undefined) where.push(`${OCCURRED_AT} < ${param(filter.until)}`);
  if (after !== null) {
    where.push(
      `(${OCCURRED_AT}, global_position) < (${param(after[0])}, ${param(after[1])}::bigint)`,
    );
  }
  return db.query<AuditRow[]>(
    `SELECT global_position::text AS position, metadata->>'occurredAt' AS occurred_at,
       metadata->>'actorId' AS actor_id, metadata->>'correlationId' AS correlation_id,
       type, stream_id, stream_type, data
     FROM events WHERE ${where.join(' AND ')}
     ORDER BY ${OCCURRED_AT} DESC, global_position DESC LIMIT ${param(limit)}`,
    params,
  );
};

export const positionOf = (row: AuditRow): AuditPosition => [row.occurred_at, row.position];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type LabelledKind = AuditLinkKind | 'workspace';

// Each read model's name for what it holds, all asked in one statement.
const LABEL_SOURCES: readonly (readonly [LabelledKind, string])[] = [
  [
    'feedback',
    `SELECT feedback_id::text AS id, title AS label FROM feedback_list WHERE workspace_id = $1 AND feedback_id = ANY`,
  ],
  ['backlogItem', `SELECT id::text, title FROM backlog_items WHERE workspace_id = $1 AND id = ANY`],
  ['sprint', `SELECT id::text, name FROM sprints WHERE workspace_id = $1 AND id = ANY`],
  ['release', `SELECT id::text, name FROM releases WHERE workspace_id = $1 AND id = ANY`],
  ['initiative', `SELECT id::text, title FROM initiatives WHERE workspace_id = $1 AND id = ANY`],
  [
    'company',
    `SELECT company_id::text, name FROM companies WHERE workspace_id = $1 AND company_id = ANY`,
  ],
  [
    'workspace',
    `SELECT workspace_id::text, name FROM workspaces WHERE workspace_id = $1 AND workspace_id = ANY`,
  ],
];

const labelKey = (kind: string, id: string) => `${kind}:${id}`;

/** The titles and names of the things the entries are about, from the read models, at once. */
const labelsOf = async (
  db: Queryable,
  workspaceId: string,
  refs: readonly ResourceRef[],
): Promise<Map<string, string>> => {
  const idsOf = (kind: LabelledKind) => [
    ...new Set(refs.filter((ref) => ref.kind === kind && UUID.test(ref.id)).map((ref) => ref.id)),
  ];
  const asked = LABEL_SOURCES.map(([kind, sql]) => ({ kind, sql, ids: idsOf(kind) })).filter(
    (source) => source.ids.length > 0,
  );
  if (asked.length === 0) return new Map();
  const rows = await db.query<{ kind: string; id: string; label: string }[]>(
    asked
      .map(
        ({ kind, sql }, index) =>
          `SELECT '${kind}' AS kind, source.* FROM (${sql}($${index + 2}::uuid[])) AS source(id, label)`,
      )
      .join(' UNION ALL '),
    [workspaceId, ...asked.map((source) => source.ids)],
  );
  return new Map(rows.map((row) => [labelKey(row.kind, row.id), row.label]));
};

/** The roles of those who have an account; people known only as customers are customers. */
const rolesOf = async (
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, ActorRoleName>> => {
  const rows = await db.query<{ id: string; role: ActorRoleName }[]>(
    `SELECT id::text AS id, role FROM users WHERE workspace_id = $1 AND id::text = ANY($2)`,
    [workspaceId, ids],
  );
  return new Map(rows.map((row) => [row.id, row.role]));
};

/**
 * Rows as entries, with today's names of the people and things they concern: three statements
 * for any number of rows (names, roles, labels).
 */
export const toAuditEntries = async (
  db: Queryable,
  workspaceId: string,
  rows: readonly AuditRow[],
): Promise<AuditEntry[]> => {
  const streams = rows.map((row) => describeStream(row.stream_id, row.stream_type, row.data));
  const refs = streams.flatMap((stream) => (stream.about ? [stream.about] : []));
  const people = [
    ...new Set([
      ...rows.map((row) => row.actor_id),
      ...refs.filter((ref) => ref.kind === 'person').map((ref) => ref.id),
    ]),
  ];
  const [names, roles, labels] = await Promise.all([
    namesOf(db, workspaceId, people),
    rolesOf(db, workspaceId, people),
    labelsOf(db, workspaceId, refs),
  ]);
  const labelOf = (ref: ResourceRef | null): string | null => {
    if (ref === null) return null;
    if (ref.kind === 'person') return names.get(ref.id) ?? null;
    return labels.get(labelKey(ref.kind, ref.id)) ?? null;
  };
  return rows.map((row, index) => {
    const stream = streams[index]!;
    const about = stream.about;
    const name = names.get(row.actor_id) ?? null;
    return {
      position: row.position,
      occurredAt: row.occurred_at,
      actor: {
        id: row.actor_id,
        name,
        role: roles.get(row.actor_id) ?? (name === null ? null : 'customer'),
      },
      type: row.type,
      summary: summarise(row.type, stream.typeName),
      resource: {
        type: row.stream_type,
        typeName: stream.typeName,
        id: stream.id,
        streamId: row.stream_id,
        label: labelOf(about),
        link: about !== null && isLinkKind(about.kind) ? { kind: about.kind, id: about.id } : null,
      },
      correlationId: row.correlation_id,
      data: row.data,
    };
  });
};
