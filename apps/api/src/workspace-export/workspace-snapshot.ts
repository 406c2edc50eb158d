import type { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { ActorRoleName, ExportedEvent, ExportedPerson, PersonStatus } from '@chorus/domain';
import { unsealPersonalData } from '@chorus/event-store';
import { ProblemException } from '../platform/problem-details';
import { workspaceRowsSql, type ReadModelTable } from './read-model-tables';

/** Rows read per statement: each page is a short index walk, and memory stays flat. */
export const PAGE_SIZE = 1_000;

/**
 * Exports running at once in this process: each holds a connection of the API's pool for as long
 * as its client downloads, so a few slow downloads must not starve every other request.
 */
export const MAX_OPEN_SNAPSHOTS = 2;
let openSnapshots = 0;

type EventRow = {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_type: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: ExportedEvent['metadata'];
};

type PersonRow = {
  id: string;
  name: string;
  email: string;
  role: ActorRoleName;
  status: PersonStatus | 'erased';
};

/**
 * One workspace as it stood at one moment, for the length of an export: a read-only, repeatable
 * read transaction on a connection of its own, so the events, the people and the read models it
 * hands out agree with each other however long the client takes to download them. Close it
 * whatever happens: a connection left mid-COPY is discarded rather than given back to the pool.
 */
export class WorkspaceSnapshot {
  private constructor(
    private readonly client: PoolClient,
    readonly workspaceId: string,
  ) {}

  static async open(db: DataSource, workspaceId: string): Promise<WorkspaceSnapshot> {
    if (openSnapshots >= MAX_OPEN_SNAPSHOTS) {
      throw new ProblemException(
        429,
        'exports-busy',
        'Too many requests',
        `${MAX_OPEN_SNAPSHOTS} exports are already being downloaded from this server: try again when one has finished.`,
      );
    }
    openSnapshots += 1;
    const pool = (db.driver as unknown as { master: Pool }).master;
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    } catch (error) {
      client?.release(error as Error);
      openSnapshots -= 1;
      throw error;
    }
    return new WorkspaceSnapshot(client, workspaceId);
  }

  private closed = false;

  private readonly queryable = {
    query: async <T>(sql: string, parameters?: unknown[]): Promise<T> =>
      (await this.client.query(sql, parameters)).rows as T,
  };

  query<T>(sql: string, parameters?: unknown[]): Promise<T> {
    return this.queryable.query<T>(sql, parameters);
  }

  /**
   * The workspace's events in log order (by transaction, then position: the order projections
   * apply them), page by page, customers' personal data opened with their keys; an erased
   * customer's fields read as the stand-ins every reader gets.
   */
  async *events(): AsyncGenerator<ExportedEvent[]> {
    let after = { transactionId: '0', globalPosition: '0' };
    for (;;) {
      const rows = await this.query<EventRow[]>(
        `SELECT global_position::text, transaction_id::text, stream_id, stream_type, version,
           event_id, type, schema_version, data, metadata
         FROM events
         WHERE workspace_id = $1 AND (transaction_id, global_position) > ($2::xid8, $3::bigint)
         ORDER BY events.transaction_id, events.global_position
         LIMIT $4`,
        [this.workspaceId, after.transactionId, after.globalPosition, PAGE_SIZE],
      );
      const last = rows[rows.length - 1];
      if (!last) return;
      const opened = await unsealPersonalData(
        this.queryable,
        rows.map((row) => ({ ...row, workspaceId: this.workspaceId })),
      );
      yield opened.map(toExportedEvent);
      if (rows.length < PAGE_SIZE) return;
      after = { transactionId: last.transaction_id, globalPosition: last.global_position };
    }
  }

  /** The workspace's people beside the log, by id: who they are, never how they sign in. */
  async *people(): AsyncGenerator<ExportedPerson[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.query<PersonRow[]>(
        `SELECT id, name, email, role, status FROM users
         WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [this.workspaceId, after, PAGE_SIZE],
      );
      const last = rows[rows.length - 1];
      if (!last) return;
      yield rows.map(({ id, name, email, role, status }) => ({ id, name, email, role, status }));
      if (rows.length < PAGE_SIZE) return;
      after = last.id;
    }
  }

  /**
   * One read-model table's rows of the workspace as CSV with a header, ordered, exactly as
   * Postgres prints them. Its `rowCount` is set once it has ended.
   */
  readModelCsv(table: ReadModelTable): Readable & { rowCount: number } {
    return this.client.query(
      copyTo(
        `COPY (${workspaceRowsSql(table, this.workspaceId)}) TO STDOUT WITH (FORMAT csv, HEADER)`,
      ),
    );
  }

  /** Ends the transaction; after a failure or an abandoned download, drops the connection. */
  async close(failure?: unknown): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    openSnapshots -= 1;
    if (failure !== undefined) {
      this.client.release(failure instanceof Error ? failure : new Error('The export failed.'));
      return;
    }
    try {
      await this.client.query('ROLLBACK');
      this.client.release();
    } catch (error) {
      this.client.release(error as Error);
    }
  }
}

const toExportedEvent = (row: EventRow): ExportedEvent => ({
  globalPosition: row.global_position,
  streamId: row.stream_id,
  streamType: row.stream_type,
  version: row.version,
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
});
