import { Controller, Get, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { etagOf } from '../../platform/etag';
import { ScoringModelsViewDto } from '../prioritisation.schemas';
import { GetScoringModelsQuery } from './get-scoring-models.query';
import { Requires } from '../../platform/permissions';

@ApiTags('prioritisation')
@ApiBearerAuth()
@Controller('api/v1/scoring-models')
export class GetScoringModelsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('backlog.read')
  @ApiOperation({
    summary:
      "The workspace's scoring models (RICE, ICE, WSJF, impact/effort and its own) and the active one; the ETag is their version",
  })
  @ApiOkResponse({ type: ScoringModelsViewDto })
  @ApiForbiddenResponse({ description: 'Only teammates see how the backlog is prioritised' })
  async get(
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScoringModelsViewDto> {
    const view = await this.queryBus.execute(new GetScoringModelsQuery(actor));
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
