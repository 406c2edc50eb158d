import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { etagOf } from '../../platform/etag';
import { notFound } from '../../platform/problem-details';
import { FeedbackIdParam, FeedbackItemDto } from '../feedback-item.view';
import { GetFeedbackQuery } from './get-feedback.query';
import { Requires } from '../../platform/permissions';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class GetFeedbackController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Requires('feedback.read')
  @ApiOperation({ summary: 'One feedback item; its ETag is the version to send as If-Match' })
  @ApiOkResponse({ type: FeedbackItemDto })
  @ApiNotFoundResponse({ description: 'No such feedback in your workspace' })
  async get(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FeedbackItemDto> {
    const item = await this.queryBus.execute(new GetFeedbackQuery(actor, id));
    if (!item) throw notFound(`Feedback ${id} does not exist in this workspace.`);
    response.setHeader('ETag', etagOf(item.version));
    return item;
  }
}
