import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CommentView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { CommentViewDto, FeedbackIdParam, PostCommentDto } from '../comment.view';
import { PostCommentCommand } from './post-comment.command';
import { Requires } from '../../platform/permissions';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class PostCommentController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/comments')
  @Requires('feedback.participate')
  @ApiOperation({
    summary:
      'Comment on feedback, or reply to a top-level comment; internal comments are for teammates',
  })
  @ApiCreatedResponse({ type: CommentViewDto })
  @ApiNotFoundResponse({ description: 'No such feedback in your workspace' })
  @ApiForbiddenResponse({ description: 'A customer tried to write an internal comment' })
  @ApiUnprocessableEntityResponse({
    description: 'A reply to a reply, a mention of someone who is not a teammate, …',
  })
  post(
    @Param() { id }: FeedbackIdParam,
    @Body() body: PostCommentDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<CommentView> {
    return this.commandBus.execute(new PostCommentCommand(id, body, actor, context));
  }
}
