import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { releaseStates } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { ReleasePageDto } from '../release.view';
import { ListReleasesQuery } from './list-releases.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const ListReleasesParamsSchema = z
  .object({
    state: z
      .enum(releaseStates, { error: `State must be one of ${releaseStates.join(', ')}.` })
      .optional(),
    limit: pageLimit(100, 20),
    cursor: pageCursor,
  })
  .strict();
class ListReleasesParams extends createZodDto(ListReleasesParamsSchema) {}

@ApiTags('releases')
@ApiBearerAuth()
@Controller('api/v1/releases')
export class ListReleasesController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('releases.read')
  @ApiOperation({ summary: 'Releases, newest first; filter by state (teammates)' })
  @ApiOkResponse({ type: ReleasePageDto })
  @ApiForbiddenResponse({ description: 'Releases being prepared are the team’s' })
  list(
    @QueryParams() { state, limit, cursor }: ListReleasesParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ReleasePageDto> {
    return this.queryBus.execute(new ListReleasesQuery(actor.workspaceId, state, limit, cursor));
  }
}
