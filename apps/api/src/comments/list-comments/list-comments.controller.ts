import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommentList } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { notFound } from '../../platform/problem-details';
import { CommentListDto, FeedbackIdParam } from '../comment.view';
import { ListCommentsQuery } from './list-comments.query';
import { Requires } from '../../platform/permissions';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class ListCommentsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id/comments')
  @Requires('feedback.read')
  @ApiOperation({
    summary:
      'Comment threads on feedback and its merged duplicates, oldest first; internal ones for teammates only',
  })
  @ApiOkResponse({ type: CommentListDto })
  @ApiNotFoundResponse({ description: 'No such feedback in your workspace' })
  async list(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CommentList> {
    const list = await this.queryBus.execute(new ListCommentsQuery(actor, id));
    if (!list) throw notFound(`Feedback ${id} does not exist in this workspace.`);
    return list;
  }
}
