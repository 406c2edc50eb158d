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
import { InitiativeIdParam, InitiativeViewDto } from '../initiative.view';
import { GetInitiativeQuery } from './get-initiative.query';
import { Requires } from '../../platform/permissions';

@ApiTags('roadmap')
@ApiBearerAuth()
@Controller('api/v1/initiatives')
export class GetInitiativeController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Requires('roadmap.read')
  @ApiOperation({
    summary: 'An initiative with its progress; its ETag is the version to send as If-Match',
  })
  @ApiOkResponse({ type: InitiativeViewDto })
  @ApiForbiddenResponse({ description: 'Only teammates see the internal roadmap' })
  @ApiNotFoundResponse({ description: 'No such initiative in your workspace, or archived' })
  async get(
    @Param() { id }: InitiativeIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InitiativeViewDto> {
    const initiative = await this.queryBus.execute(new GetInitiativeQuery(actor, id));
    if (!initiative) throw notFound(`Initiative ${id} does not exist in this workspace.`);
    response.setHeader('ETag', etagOf(initiative.version));
    return initiative;
  }
}
