import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { readModelCsvPath, type ExportReadModels } from '@chorus/domain';
import { snapshotStream } from '../export-streams';
import { readModelTables } from '../read-model-tables';
import { WorkspaceSnapshot } from '../workspace-snapshot';
import { ExportReadModelQuery } from './export-read-model.query';
import { ListReadModelsQuery } from './list-read-models.query';

@QueryHandler(ListReadModelsQuery)
export class ListReadModelsHandler implements IQueryHandler<ListReadModelsQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute(): Promise<ExportReadModels> {
    const tables = await readModelTables(this.db);
    return {
      tables: tables.map(({ table, projection }) => ({
        table,
        projection,
        path: readModelCsvPath(table),
      })),
    };
  }
}

/**
 * One read-model table's rows of the workspace as CSV, streamed by Postgres's COPY as the client
 * takes the bytes (backpressure all the way to the database connection).
 */
@QueryHandler(ExportReadModelQuery)
export class ExportReadModelHandler implements IQueryHandler<ExportReadModelQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId, table }: ExportReadModelQuery): Promise<Readable | null> {
    const found = (await readModelTables(this.db)).find((candidate) => candidate.table === table);
    if (!found) return null;
    const snapshot = await WorkspaceSnapshot.open(this.db, workspaceId);
    return snapshotStream(snapshot, (opened) => opened.readModelCsv(found));
  }
}
