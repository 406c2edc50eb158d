import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RoadmapViewDto } from '../initiative.view';
import { GetRoadmapQuery } from './get-roadmap.query';

@ApiTags('roadmap')
@ApiBearerAuth()
@Controller('api/v1/roadmap')
export class GetRoadmapController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Every live initiative, public and internal, by lane and by quarter, with progress',
  })
  @ApiOkResponse({ type: RoadmapViewDto })
  @ApiForbiddenResponse({ description: 'Only teammates see the internal roadmap' })
  get(@CurrentActor() actor: AuthenticatedActor): Promise<RoadmapViewDto> {
    return this.queryBus.execute(new GetRoadmapQuery(actor));
  }
}
