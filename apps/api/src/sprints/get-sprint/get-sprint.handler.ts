import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { SprintDetail } from '@chorus/domain';
import { readSprintBoard, readSprintViews } from '../sprint.view';
import { GetSprintQuery } from './get-sprint.query';

@QueryHandler(GetSprintQuery)
export class GetSprintHandler implements IQueryHandler<GetSprintQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, sprintId }: GetSprintQuery): Promise<SprintDetail | null> {
    const [sprint] = await readSprintViews(this.db, actor.workspaceId, { sprintId });
    if (!sprint) return null;
    return { ...sprint, items: await readSprintBoard(this.db, actor.workspaceId, sprintId) };
  }
}
