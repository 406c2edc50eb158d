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
import { AsOf } from '../../backlog/backlog-as-of';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RoadmapViewDto } from '../initiative.view';
import { GetRoadmapQuery } from './get-roadmap.query';
import { Requires } from '../../platform/permissions';

const GetRoadmapParamsSchema = z.object({ asOf: AsOf }).strict();
class GetRoadmapParams extends createZodDto(GetRoadmapParamsSchema) {}

@ApiTags('roadmap')
@ApiBearerAuth()
@Controller('api/v1/roadmap')
export class GetRoadmapController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('roadmap.read')
  @ApiOperation({
    summary:
      'Every live initiative, public and internal, by lane and by quarter, with progress; now or as it stood at asOf',
  })
  @ApiOkResponse({ type: RoadmapViewDto })
  @ApiForbiddenResponse({ description: 'Only teammates see the internal roadmap' })
  get(
    @QueryParams() { asOf }: GetRoadmapParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<RoadmapViewDto> {
    return this.queryBus.execute(new GetRoadmapQuery(actor, asOf));
  }
}
