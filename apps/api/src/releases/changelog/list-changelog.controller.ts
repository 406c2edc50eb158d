import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { WorkspaceSlug } from '@chorus/domain';
import { CurrentActor, Public, type AuthenticatedActor } from '../../platform/auth';
import { notFound } from '../../platform/problem-details';
import { ChangelogPageDto } from '../release.view';
import { ListChangelogQuery } from './list-changelog.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const ChangelogParamsSchema = z
  .object({
    limit: pageLimit(50, 10),
    cursor: pageCursor,
  })
  .strict();
class ChangelogParams extends createZodDto(ChangelogParamsSchema) {}

const WorkspaceSlugParamSchema = z.object({ workspaceSlug: WorkspaceSlug });
class WorkspaceSlugParam extends createZodDto(WorkspaceSlugParamSchema) {}

@ApiTags('changelog')
@Controller('api/v1')
export class ListChangelogController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('changelog')
  @Requires('changelog.read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your workspace’s published changelog, newest first' })
  @ApiOkResponse({ type: ChangelogPageDto })
  async list(
    @QueryParams() { limit, cursor }: ChangelogParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ChangelogPageDto> {
    const page = await this.queryBus.execute(
      new ListChangelogQuery({ id: actor.workspaceId }, limit, cursor),
    );
    if (!page) throw notFound('Your workspace does not exist.');
    return page;
  }

  @Get('public/:workspaceSlug/changelog')
  @Public()
  @ApiOperation({ summary: 'A workspace’s published changelog, for anyone: no token needed' })
  @ApiOkResponse({ type: ChangelogPageDto })
  @ApiNotFoundResponse({ description: 'No workspace has this slug' })
  async listPublic(
    @Param() { workspaceSlug }: WorkspaceSlugParam,
    @QueryParams() { limit, cursor }: ChangelogParams,
  ): Promise<ChangelogPageDto> {
    const page = await this.queryBus.execute(
      new ListChangelogQuery({ slug: workspaceSlug }, limit, cursor),
    );
    if (!page) throw notFound(`There is no workspace "${workspaceSlug}".`);
    return page;
  }
}
