import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { findRelease } from '../release.view';
import { GetReleaseQuery } from './get-release.query';

@QueryHandler(GetReleaseQuery)
export class GetReleaseHandler implements IQueryHandler<GetReleaseQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  execute({ workspaceId, releaseId }: GetReleaseQuery) {
    return findRelease(this.db, workspaceId, releaseId);
  }
}
