import { Body, Controller, Inject, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommentView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { CommentIdParam, CommentViewDto, EditCommentDto } from '../comment.view';
import { EditCommentCommand } from './edit-comment.command';
import { Requires } from '../../platform/permissions';

@ApiTags('comments')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such comment in your workspace, or it was deleted' })
@ApiForbiddenResponse({ description: 'Only the author can edit a comment' })
@Controller('api/v1/comments')
export class EditCommentController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @Requires('feedback.participate')
  @ApiOperation({ summary: 'Edit your comment; mentions replace the ones it had' })
  @ApiOkResponse({ type: CommentViewDto })
  edit(
    @Param() { id }: CommentIdParam,
    @Body() body: EditCommentDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<CommentView> {
    return this.commandBus.execute(new EditCommentCommand(id, body, actor, context));
  }
}
