import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { chorusEvents, personalData, type EventMetadata } from '@chorus/domain';
import { AppendNotifier, EVENTS_CHANNEL } from './append-notifier';
import { MicroBatcher } from './micro-batcher';
import { sealPersonalData, unsealPersonalData } from './personal-data-vault';

export type NewEvent = { type: string; data: unknown };

export type StoredEvent = {
  globalPosition: string;
  transactionId: string;
  streamId: string;
  streamType: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  workspaceId: string;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
};

/** Where a reader of the global log stands: events are ordered by transaction, then position. */
export type LogPosition = { transactionId: string; globalPosition: string };
export const LOG_START: LogPosition = { transactionId: '0', globalPosition: '0' };

/** A stretch of the log read for one projection: the events it handles, and where it ended. */
export type LogWindow = {
  events: StoredEvent[];
  /** How many events of the log the window covered, handled or not. */
  scanned: number;
  /** The position of the window's last event; null when there was nothing to read. */
  end: LogPosition | null;
};

export type CommandContext = {
  workspaceId: string;
  actorId: string;
  correlationId: string;
  causationId?: string | null;
  /** When the change happened, if not now: imports and seeds replay the past. */
  occurredAt?: string;
};

/** The stream was not at the version the writer expected: someone else wrote first. */
export class ConcurrencyConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(`Stream ${streamId} is no longer at version ${expectedVersion}.`);
    this.name = 'ConcurrencyConflict';
  }
}

/** An event as inserted: the columns of `events` that the writer supplies. */
type EventRecord = {
  stream_id: string;
  stream_type: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  workspace_id: string;
  data: unknown;
  metadata: EventMetadata;
};

type EventRow = EventRecord & {
  global_position: string;
  transaction_id: string;
  recorded_at: string;
};

// Positions are bigint and xid8: read as text so no precision is lost in JavaScript. ORDER BY
// must then name the table's columns (events.transaction_id), not these text aliases.
const EVENT_COLUMNS = `global_position::text, transaction_id::text, stream_id, stream_type, version,
  event_id, type, schema_version, workspace_id, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at`;

const toStoredEvent = (row: EventRow): StoredEvent => ({
  globalPosition: row.global_position,
  transactionId: row.transaction_id,
  streamId: row.stream_id,
  streamType: row.stream_type,
  version: row.version,
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  workspaceId: row.workspace_id,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});

const INSERT_COLUMNS =
  'stream_id, stream_type, version, event_id, type, schema_version, workspace_id, data, metadata';
const RECORDSET_TYPES = `stream_id text, stream_type text, version int, event_id uuid, type text,
  schema_version int, workspace_id uuid, data jsonb, metadata jsonb`;

/** Validates each event against its schema and stamps it with the command's metadata. */
const toEventRows = (
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  context: CommandContext,
): EventRecord[] => {
  const metadata: EventMetadata = {
    workspaceId: context.workspaceId,
    actorId: context.actorId,
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    occurredAt: context.occurredAt ?? new Date().toISOString(),
  };
  const streamType = streamId.slice(0, streamId.indexOf('-'));
  return events.map((event, index) => {
    const schemaVersion = chorusEvents.schemaVersionOf(event.type);
    return {
      stream_id: streamId,
      stream_type: streamType,
      version: expectedVersion + index + 1,
      event_id: randomUUID(),
      type: event.type,
      schema_version: schemaVersion,
      workspace_id: context.workspaceId,
      data: chorusEvents.parse(event.type, schemaVersion, event.data),
      metadata,
    };
  });
};

const READ_STREAMS_SQL = `SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = ANY($1) ORDER BY stream_id, version`;

/**
 * Each requested stream's events. With `workspaceId`, a stream of another workspace reads as
 * empty, so a command can never act on another workspace's aggregate.
 */
const groupByStream = (
  streamIds: readonly string[],
  events: readonly StoredEvent[],
  workspaceId: string | undefined,
): Map<string, StoredEvent[]> => {
  const streams = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
  for (const event of events) {
    if (workspaceId !== undefined && event.workspaceId !== workspaceId) continue;
    streams.get(event.streamId)?.push(event);
  }
  return streams;
};

/** Stored rows as events, personal data opened with its owners' keys (or read as erased). */
const eventsOf = (db: Queryable, rows: readonly EventRow[]): Promise<StoredEvent[]> =>
  unsealPersonalData(db, rows.map(toStoredEvent));

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { code?: string }).code === '23505' ||
    (error as { driverError?: { code?: string } }).driverError?.code === '23505');

type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

export type ReadOptions = { workspaceId?: string; manager?: Queryable };

export class PostgresEventStore {
  private readonly notifier: AppendNotifier;

  constructor(private readonly db: DataSource) {
    this.notifier = new AppendNotifier(() => db.query(`NOTIFY ${EVENTS_CHANNEL}`));
  }

  /**
   * Hot statements go to pg's pool as named prepared statements (planned once per connection);
   * inside a caller's transaction they run on its manager.
   */
  private async run<T>(
    name: string,
    text: string,
    values: unknown[],
    manager?: Queryable,
  ): Promise<T[]> {
    if (manager && manager !== this.db) return manager.query<T[]>(text, values);
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    return (await pool.query<T & object>({ name, text, values })).rows;
  }

  /** Call after committing a transaction that appended through its own manager. */
  notifyAppended(): void {
    this.notifier.poke();
  }

  /**
   * Appends events to a stream that must be at `expectedVersion` (0 = new stream), in one
   * statement: a stale version inserts nothing, and a racing writer hits the unique
   * (stream_id, version) constraint. Either way the caller gets a ConcurrencyConflict.
   */
  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    context: CommandContext,
    manager?: Queryable,
  ): Promise<{ nextVersion: number }> {
    if (events.length === 0) return { nextVersion: expectedVersion };
    const rows = await sealPersonalData(
      manager ?? this.db,
      toEventRows(streamId, expectedVersion, events, context),
    );
    let inserted: unknown[];
    try {
      inserted = await this.run(
        'chorus_append',
        `INSERT INTO events (${INSERT_COLUMNS})
         SELECT ${INSERT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${RECORDSET_TYPES})
         WHERE (SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $2) = $3
         RETURNING version`,
        [JSON.stringify(rows), streamId, expectedVersion],
        manager,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConcurrencyConflict(streamId, expectedVersion);
      throw error;
    }
    if (inserted.length === 0) throw new ConcurrencyConflict(streamId, expectedVersion);
    if (!manager || manager === this.db) this.notifier.poke();
    return { nextVersion: expectedVersion + events.length };
  }

  /**
   * Appends one event to its own stream, sharing a statement and a commit with whatever other
   * single-event appends are waiting (votes under load). Same guarantees as `append`.
   */
  appendOne(
    streamId: string,
    expectedVersion: number,
    event: NewEvent,
    context: CommandContext,
  ): Promise<{ nextVersion: number }> {
    // Personal data needs its owner's key first: such an event goes through `append`.
    if (personalData[event.type]) return this.append(streamId, expectedVersion, [event], context);
    const [row] = toEventRows(streamId, expectedVersion, [event], context);
    return this.appendBatcher.submit(row!);
  }

  private readonly appendBatcher = new MicroBatcher<EventRecord, { nextVersion: number }>(
    async (rows) => {
      // ON CONFLICT skips just the rows that lost a race; the rest of the batch still lands.
      const inserted = await this.run<{ event_id: string }>(
        'chorus_append_batch',
        `INSERT INTO events (${INSERT_COLUMNS})
         SELECT ${INSERT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${RECORDSET_TYPES})
         WHERE (SELECT coalesce(max(version), 0) FROM events e WHERE e.stream_id = r.stream_id) = r.version - 1
         ON CONFLICT (stream_id, version) DO NOTHING
         RETURNING event_id`,
        [JSON.stringify(rows)],
      );
      if (inserted.length > 0) this.notifier.poke();
      const landed = new Set(inserted.map((r) => r.event_id));
      return rows.map((row) =>
        landed.has(row.event_id)
          ? { nextVersion: row.version }
          : new ConcurrencyConflict(row.stream_id, row.version - 1),
      );
    },
    { maxBatch: 200, maxConcurrent: 4 },
  );

  /**
   * A stream in version order. With `workspaceId`, a stream of another workspace reads as empty,
   * so a command can never act on another workspace's aggregate.
   */
  async readStream(streamId: string, options: ReadOptions = {}): Promise<StoredEvent[]> {
    return (await this.readStreams([streamId], options)).get(streamId) ?? [];
  }

  /**
   * Several streams in one round trip, each in version order. Outside a transaction, concurrent
   * readers share one query.
   */
  async readStreams(
    streamIds: readonly string[],
    { workspaceId, manager }: ReadOptions = {},
  ): Promise<Map<string, StoredEvent[]>> {
    if (manager && manager !== this.db) {
      const rows = await manager.query<EventRow[]>(READ_STREAMS_SQL, [streamIds]);
      return groupByStream(streamIds, await eventsOf(manager, rows), workspaceId);
    }
    return this.readBatcher.submit({ streamIds, workspaceId });
  }

  private readonly readBatcher = new MicroBatcher<
    { streamIds: readonly string[]; workspaceId?: string },
    Map<string, StoredEvent[]>
  >(
    async (requests) => {
      const allIds = [...new Set(requests.flatMap((r) => r.streamIds))];
      const rows = await this.run<EventRow>('chorus_read_streams', READ_STREAMS_SQL, [allIds]);
      const events = await eventsOf(this.db, rows);
      return requests.map((r) => groupByStream(r.streamIds, events, r.workspaceId));
    },
    { maxBatch: 200, maxConcurrent: 4 },
  );

  /**
   * Reads the global log after `after`, never past the oldest transaction still in flight:
   * an event committed later with a lower position cannot be skipped.
   */
  async readLog(
    after: LogPosition,
    limit: number,
    manager: Queryable = this.db,
  ): Promise<StoredEvent[]> {
    const rows = await manager.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id, events.global_position
       LIMIT $3`,
      [after.transactionId, after.globalPosition, limit],
    );
    return eventsOf(manager, rows);
  }

  /**
   * The next `limit` events of the log after `after`, in the order and with the visibility of
   * `readLog`, of which only those of `types` come back whole: a projection moves its checkpoint
   * over the others without shipping and parsing their data. Filtering by type in the WHERE
   * clause instead lets the planner trade the log-order index walk for a scan and a sort of the
   * whole remaining log when its statistics misjudge the types (as after a bulk load).
   */
  async readLogWindow(
    after: LogPosition,
    limit: number,
    types: ReadonlySet<string>,
    manager: Queryable = this.db,
    personalData: 'opened' | 'sealed' = 'opened',
  ): Promise<LogWindow> {
    const rows = await manager.query<(EventRow & { relevant: boolean })[]>(
      `SELECT type = ANY($4::text[]) AS relevant, ${EVENT_COLUMNS.replace(
        'data, metadata',
        'CASE WHEN type = ANY($4::text[]) THEN data END AS data, CASE WHEN type = ANY($4::text[]) THEN metadata END AS metadata',
      )}
       FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id, events.global_position
       LIMIT $3`,
      [after.transactionId, after.globalPosition, limit, [...types]],
    );
    const last = rows[rows.length - 1];
    return {
      events:
        personalData === 'sealed'
          ? rows.filter((r) => r.relevant).map(toStoredEvent)
          : await eventsOf(
              manager,
              rows.filter((r) => r.relevant),
            ),
      scanned: rows.length,
      end: last
        ? { transactionId: last.transaction_id, globalPosition: last.global_position }
        : null,
    };
  }

  /** Whether the log has anything visible after `after`: a cheap, lock-free check before a batch. */
  async hasEventsAfter(after: LogPosition): Promise<boolean> {
    // A plain ordered LIMIT 1, like readLog, walks the log-order index; EXISTS would scan.
    const rows = await this.run<{ found: number }>(
      'chorus_has_events_after',
      `SELECT 1 AS found FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id, events.global_position LIMIT 1`,
      [after.transactionId, after.globalPosition],
    );
    return rows.length > 0;
  }

  /**
   * A workspace's events that happened at or before `until` (their `metadata.occurredAt`, which
   * is monotonic per stream), in log order, narrowed by every filter given: folding them gives
   * the state as of that moment. `streamTypes` is served by the `events_history` index for the
   * stream types it covers; `feedbackIds` by `events_by_feedback`.
   */
  async readHistory(
    workspaceId: string,
    filter: {
      /** An ISO 8601 timestamp: events that happened at or before it. */
      until: string;
      /** Stream types: a stream id up to its first dash (`backlog`, `initiative`, `customer`). */
      streamTypes?: readonly string[];
      streamIds?: readonly string[];
      /** Events about these feedback items (`data.feedbackId`): their own, ballots, comments. */
      feedbackIds?: readonly string[];
      types?: readonly string[];
    },
    manager: Queryable = this.db,
  ): Promise<StoredEvent[]> {
    const params: unknown[] = [workspaceId, filter.until];
    const where = [
      'workspace_id = $1',
      `(metadata->>'occurredAt')::timestamptz <= $2::timestamptz`,
    ];
    const narrow = (condition: string, values: readonly string[] | undefined) => {
      if (values === undefined) return;
      params.push(values);
      where.push(`${condition} = ANY($${params.length}::text[])`);
    };
    narrow('stream_type', filter.streamTypes);
    narrow('stream_id', filter.streamIds);
    narrow(`data->>'feedbackId'`, filter.feedbackIds);
    narrow('type', filter.types);
    const rows = await manager.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')}
       ORDER BY events.transaction_id, events.global_position`,
      params,
    );
    return eventsOf(manager, rows);
  }

  /** The position of the newest event every reader can already see. */
  async headPosition(manager: Queryable = this.db): Promise<LogPosition> {
    const rows = await manager.query<{ transaction_id: string; global_position: string }[]>(
      `SELECT transaction_id::text, global_position::text FROM events
       WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
    );
    const head = rows[0];
    return head
      ? { transactionId: head.transaction_id, globalPosition: head.global_position }
      : LOG_START;
  }
}

export const positionOf = (event: StoredEvent): LogPosition => ({
  transactionId: event.transactionId,
  globalPosition: event.globalPosition,
});
