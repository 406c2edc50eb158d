import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PublicRoadmapView } from '@chorus/domain';
import { publicInitiative, readInitiatives, roadmapOf } from '../initiative.view';
import { PublicRoadmapQuery } from './public-roadmap.query';

@QueryHandler(PublicRoadmapQuery)
export class PublicRoadmapHandler implements IQueryHandler<PublicRoadmapQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceSlug }: PublicRoadmapQuery): Promise<PublicRoadmapView | null> {
    const [workspace] = await this.db.query<{ workspace_id: string; name: string; slug: string }[]>(
      `SELECT workspace_id, name, slug FROM workspaces WHERE slug = $1`,
      [workspaceSlug],
    );
    if (!workspace) return null;
    const initiatives = await readInitiatives(this.db, workspace.workspace_id, {
      publicOnly: true,
    });
    return {
      workspace: { name: workspace.name, slug: workspace.slug },
      ...roadmapOf(initiatives.map(publicInitiative)),
    };
  }
}
