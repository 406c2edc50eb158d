import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { SprintList } from '@chorus/domain';
import { readSprintPage } from '../sprint.view';
import { ListSprintsQuery } from './list-sprints.query';

@QueryHandler(ListSprintsQuery)
export class ListSprintsHandler implements IQueryHandler<ListSprintsQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, state, limit, cursor }: ListSprintsQuery): Promise<SprintList> {
    return readSprintPage(this.db, actor.workspaceId, { state }, { limit, cursor });
  }
}
