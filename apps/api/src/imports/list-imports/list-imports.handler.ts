import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ImportJobPage } from '@chorus/domain';
import { readImportJobPage } from '../import-job.view';
import { ListImportsQuery } from './list-imports.query';

@QueryHandler(ListImportsQuery)
export class ListImportsHandler implements IQueryHandler<ListImportsQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  execute({ actor, limit, cursor }: ListImportsQuery): Promise<ImportJobPage> {
    return readImportJobPage(this.db, actor.workspaceId, limit, cursor);
  }
}
