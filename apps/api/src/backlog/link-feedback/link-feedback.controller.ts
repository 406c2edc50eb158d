import { Controller, Delete, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { BacklogItemChangedDto, BacklogItemIdParamSchema } from '../backlog-item.view';
import { LinkFeedbackCommand } from './link-feedback.command';
import { Requires } from '../../platform/permissions';

const LinkParamsSchema = BacklogItemIdParamSchema.extend({
  feedbackId: z.uuid('feedbackId must be the id of a piece of feedback.'),
});
class LinkParams extends createZodDto(LinkParamsSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such item in your workspace' })
@ApiForbiddenResponse({ description: 'Only teammates manage the backlog' })
@Controller('api/v1/backlog')
export class LinkFeedbackController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':id/feedback/:feedbackId')
  @Requires('backlog.plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Link the item to feedback it answers; linking twice changes nothing' })
  @ApiOkResponse({ type: BacklogItemChangedDto })
  @ApiUnprocessableEntityResponse({
    description: 'No such feedback, or it was merged: the answer names the item to link instead',
  })
  link(
    @Param() { id, feedbackId }: LinkParams,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemChangedDto> {
    return this.run('LinkFeedback', id, feedbackId, actor, context, response);
  }

  @Delete(':id/feedback/:feedbackId')
  @Requires('backlog.plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unlink feedback from the item; unlinking twice changes nothing' })
  @ApiOkResponse({ type: BacklogItemChangedDto })
  unlink(
    @Param() { id, feedbackId }: LinkParams,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemChangedDto> {
    return this.run('UnlinkFeedback', id, feedbackId, actor, context, response);
  }

  private async run(
    kind: 'LinkFeedback' | 'UnlinkFeedback',
    id: string,
    feedbackId: string,
    actor: AuthenticatedActor,
    context: CommandContext,
    response: Response,
  ) {
    const result = await this.commandBus.execute(
      new LinkFeedbackCommand(kind, id, feedbackId, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
