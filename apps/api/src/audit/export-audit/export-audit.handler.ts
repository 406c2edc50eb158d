import { pipeline, Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { stringify } from 'csv-stringify';
import { DataSource } from 'typeorm';
import type { AuditEntry } from '@chorus/domain';
import {
  positionOf,
  readAuditRows,
  toAuditEntries,
  type AuditFilter,
  type AuditRow,
} from '../audit-reader';
import { ExportAuditQuery } from './export-audit.query';

/** Rows read per statement: each batch is a short index walk, and memory stays flat. */
const BATCH = 1_000;

const COLUMNS = [
  'position',
  'occurredAt',
  'actorId',
  'actorName',
  'actorRole',
  'type',
  'summary',
  'resourceType',
  'resourceId',
  'streamId',
  'resourceLabel',
  'correlationId',
  'data',
];

const toRecord = (entry: AuditEntry): (string | null)[] => [
  entry.position,
  entry.occurredAt,
  entry.actor.id,
  entry.actor.name,
  entry.actor.role,
  entry.type,
  entry.summary,
  entry.resource.type,
  entry.resource.id,
  entry.resource.streamId,
  entry.resource.label,
  entry.correlationId,
  JSON.stringify(entry.data),
];

/**
 * Every matching entry as CSV, streamed: batches are read by keyset as the client takes the
 * bytes, so no connection is held between them. The first batch is read before answering, so a
 * failure there is still a proper problem response rather than a cut-off file.
 */
@QueryHandler(ExportAuditQuery)
export class ExportAuditHandler implements IQueryHandler<ExportAuditQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId, filter }: ExportAuditQuery): Promise<Readable> {
    const first = await readAuditRows(this.db, workspaceId, filter, null, BATCH);
    const records = Readable.from(this.records(workspaceId, filter, first));
    // Cells a spreadsheet would run as formulas (=, +, -, @) are quoted: the data is people's text.
    const csv = stringify({ header: true, columns: COLUMNS, escape_formulas: true });
    // A batch that fails destroys `csv` with its error, which Nest answers by cutting the
    // response short; a client that goes away destroys `csv`, which stops the reading.
    return pipeline(records, csv, () => undefined);
  }

  private async *records(
    workspaceId: string,
    filter: AuditFilter,
    first: AuditRow[],
  ): AsyncGenerator<(string | null)[]> {
    let rows = first;
    for (;;) {
      for (const entry of await toAuditEntries(this.db, workspaceId, rows)) yield toRecord(entry);
      const last = rows[rows.length - 1];
      if (rows.length < BATCH || !last) return;
      rows = await readAuditRows(this.db, workspaceId, filter, positionOf(last), BATCH);
    }
  }
}
