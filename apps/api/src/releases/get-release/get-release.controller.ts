import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { etagOf } from '../../platform/etag';
import { notFound } from '../../platform/problem-details';
import { ReleaseIdParam, ReleaseViewDto } from '../release.view';
import { GetReleaseQuery } from './get-release.query';
import { Requires } from '../../platform/permissions';

@ApiTags('releases')
@ApiBearerAuth()
@Controller('api/v1/releases')
export class GetReleaseController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Requires('releases.read')
  @ApiOperation({ summary: 'One release; its ETag is the version to send as If-Match' })
  @ApiOkResponse({ type: ReleaseViewDto })
  @ApiForbiddenResponse({ description: 'Releases being prepared are the team’s' })
  @ApiNotFoundResponse({ description: 'No such release in your workspace' })
  async get(
    @Param() { id }: ReleaseIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    const release = await this.queryBus.execute(new GetReleaseQuery(actor.workspaceId, id));
    if (!release) throw notFound(`Release ${id} does not exist in this workspace.`);
    response.setHeader('ETag', etagOf(release.version));
    return release;
  }
}
