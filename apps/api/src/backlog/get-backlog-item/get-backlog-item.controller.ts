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
import { BacklogItemIdParam, BacklogItemViewDto } from '../backlog-item.view';
import { GetBacklogItemQuery } from './get-backlog-item.query';
import { Requires } from '../../platform/permissions';

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class GetBacklogItemController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Requires('backlog.read')
  @ApiOperation({
    summary:
      'One backlog item with the feedback it answers and its children; its ETag is the version to send as If-Match',
  })
  @ApiOkResponse({ type: BacklogItemViewDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace' })
  @ApiForbiddenResponse({ description: 'Only teammates see the backlog' })
  async get(
    @Param() { id }: BacklogItemIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemViewDto> {
    const item = await this.queryBus.execute(new GetBacklogItemQuery(actor, id));
    if (!item) throw notFound(`Backlog item ${id} does not exist in this workspace.`);
    response.setHeader('ETag', etagOf(item.version));
    return item;
  }
}
