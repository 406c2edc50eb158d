import { Controller, Delete, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { CommentIdParam } from '../comment.view';
import { DeleteCommentCommand } from './delete-comment.command';
import { Requires } from '../../platform/permissions';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('api/v1/comments')
export class DeleteCommentController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Delete(':id')
  @Requires('feedback.participate')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your comment; replies to it stay under a tombstone' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such comment in your workspace, or already deleted' })
  @ApiForbiddenResponse({ description: 'Only the author can delete a comment' })
  async delete(
    @Param() { id }: CommentIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.commandBus.execute(new DeleteCommentCommand(id, actor, context));
  }
}
