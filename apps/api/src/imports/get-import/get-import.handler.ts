import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ImportJobDetail } from '@chorus/domain';
import { readImportJob } from '../import-job.view';
import { GetImportQuery } from './get-import.query';

@QueryHandler(GetImportQuery)
export class GetImportHandler implements IQueryHandler<GetImportQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  execute({ actor, jobId }: GetImportQuery): Promise<ImportJobDetail | null> {
    return readImportJob(this.db, actor.workspaceId, jobId);
  }
}
