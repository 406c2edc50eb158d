import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { notFound } from '../../platform/problem-details';
import { BacklogItemIdParam, ScoreBreakdownDto } from '../prioritisation.schemas';
import { GetScoreQuery } from './get-score.query';
import { Requires } from '../../platform/permissions';

@ApiTags('prioritisation')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class GetScoreController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id/score')
  @Requires('backlog.read')
  @ApiOperation({
    summary:
      "An item's score under the active model, with each factor's value and where it came from",
  })
  @ApiOkResponse({ type: ScoreBreakdownDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace, or not scored yet' })
  @ApiForbiddenResponse({ description: 'Only teammates see how the backlog is prioritised' })
  async get(
    @Param() { id }: BacklogItemIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ScoreBreakdownDto> {
    const breakdown = await this.queryBus.execute(new GetScoreQuery(actor, id));
    if (!breakdown) throw notFound(`Backlog item ${id} has no score in this workspace.`);
    return breakdown;
  }
}
