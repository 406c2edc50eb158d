import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RoadmapView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { pastMoment } from '../../backlog/backlog-as-of';
import { readInitiatives, roadmapOf } from '../initiative.view';
import { initiativesAsOf } from '../roadmap-as-of';
import { GetRoadmapQuery } from './get-roadmap.query';

@QueryHandler(GetRoadmapQuery)
export class GetRoadmapHandler implements IQueryHandler<GetRoadmapQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, asOf }: GetRoadmapQuery): Promise<RoadmapView> {
    const until = pastMoment(asOf);
    return roadmapOf(
      until === null
        ? await readInitiatives(this.db, actor.workspaceId)
        : await initiativesAsOf(this.store, actor.workspaceId, until),
    );
  }
}
