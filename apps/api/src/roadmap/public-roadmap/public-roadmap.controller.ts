import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { WorkspaceSlug } from '@chorus/domain';
import { Public } from '../../platform/auth';
import { notFound } from '../../platform/problem-details';
import { PublicRoadmapViewDto } from '../initiative.view';
import { PublicRoadmapQuery } from './public-roadmap.query';

const WorkspaceSlugParamSchema = z.object({ workspaceSlug: WorkspaceSlug });
class WorkspaceSlugParam extends createZodDto(WorkspaceSlugParamSchema) {}

@ApiTags('roadmap')
@Controller('api/v1/public')
export class PublicRoadmapController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':workspaceSlug/roadmap')
  @Public()
  @ApiOperation({
    summary: 'A workspace’s public roadmap, for anyone: public initiatives only, no token needed',
  })
  @ApiOkResponse({ type: PublicRoadmapViewDto })
  @ApiNotFoundResponse({ description: 'No workspace has this slug' })
  async get(@Param() { workspaceSlug }: WorkspaceSlugParam): Promise<PublicRoadmapViewDto> {
    const roadmap = await this.queryBus.execute(new PublicRoadmapQuery(workspaceSlug));
    if (!roadmap) throw notFound(`There is no workspace "${workspaceSlug}".`);
    return roadmap;
  }
}
