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
import { sprintStates } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { SprintListDto } from '../sprint.view';
import { ListSprintsQuery } from './list-sprints.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const ListSprintsParamsSchema = z
  .object({
    state: z
      .enum(sprintStates, { error: `State must be one of ${sprintStates.join(', ')}.` })
      .optional(),
    limit: pageLimit(200, 50),
    cursor: pageCursor,
  })
  .strict();
class ListSprintsParams extends createZodDto(ListSprintsParamsSchema) {}

@ApiTags('sprints')
@ApiBearerAuth()
@Controller('api/v1/sprints')
export class ListSprintsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('sprints.read')
  @ApiOperation({
    summary: 'Sprints, newest first, a page at a time, with their planned and accepted points',
  })
  @ApiOkResponse({ type: SprintListDto })
  @ApiForbiddenResponse({ description: 'Only teammates see sprints' })
  list(
    @QueryParams() { state, limit, cursor }: ListSprintsParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SprintListDto> {
    return this.queryBus.execute(new ListSprintsQuery(actor, state, limit, cursor));
  }
}
