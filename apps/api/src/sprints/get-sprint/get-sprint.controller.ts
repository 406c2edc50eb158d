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
import { SprintDetailDto, SprintIdParam } from '../sprint.view';
import { GetSprintQuery } from './get-sprint.query';
import { Requires } from '../../platform/permissions';

@ApiTags('sprints')
@ApiBearerAuth()
@Controller('api/v1/sprints')
export class GetSprintController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Requires('sprints.read')
  @ApiOperation({ summary: 'A sprint and its board; its ETag is the version to send as If-Match' })
  @ApiOkResponse({ type: SprintDetailDto })
  @ApiForbiddenResponse({ description: 'Only teammates see sprints' })
  @ApiNotFoundResponse({ description: 'No such sprint in your workspace' })
  async get(
    @Param() { id }: SprintIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SprintDetailDto> {
    const sprint = await this.queryBus.execute(new GetSprintQuery(actor, id));
    if (!sprint) throw notFound(`Sprint ${id} does not exist in this workspace.`);
    response.setHeader('ETag', etagOf(sprint.version));
    return sprint;
  }
}
