import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { findBacklogItem } from '../backlog-item.view';
import { GetBacklogItemQuery } from './get-backlog-item.query';

@QueryHandler(GetBacklogItemQuery)
export class GetBacklogItemHandler implements IQueryHandler<GetBacklogItemQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  execute({ actor, itemId }: GetBacklogItemQuery) {
    return findBacklogItem(this.db, actor.workspaceId, itemId);
  }
}
