import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { jsonLines, snapshotStream } from '../export-streams';
import { WorkspaceSnapshot } from '../workspace-snapshot';
import { ExportEventsQuery } from './export-events.query';

/**
 * Every event of the workspace as JSON Lines, in log order, read page by page as the client takes
 * the bytes. The snapshot is opened before answering, so a failure to start is still a proper
 * problem response rather than a cut-off file.
 */
@QueryHandler(ExportEventsQuery)
export class ExportEventsHandler implements IQueryHandler<ExportEventsQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId }: ExportEventsQuery): Promise<Readable> {
    const snapshot = await WorkspaceSnapshot.open(this.db, workspaceId);
    return snapshotStream(snapshot, (opened) => jsonLines(opened.events()));
  }
}
