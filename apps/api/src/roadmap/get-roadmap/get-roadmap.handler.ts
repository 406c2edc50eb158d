import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RoadmapView } from '@chorus/domain';
import { assertStaffReader, readInitiatives, roadmapOf } from '../initiative.view';
import { GetRoadmapQuery } from './get-roadmap.query';

@QueryHandler(GetRoadmapQuery)
export class GetRoadmapHandler implements IQueryHandler<GetRoadmapQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor }: GetRoadmapQuery): Promise<RoadmapView> {
    assertStaffReader(actor);
    return roadmapOf(await readInitiatives(this.db, actor.workspaceId));
  }
}
