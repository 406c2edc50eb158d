import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { SubmitFeedbackCommand } from './submit-feedback.command';
import { SubmitFeedbackDto, SubmittedFeedbackDto } from './submit-feedback.dto';
import { Requires } from '../../platform/permissions';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class SubmitFeedbackController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('feedback.participate')
  @ApiOperation({ summary: 'Submit feedback' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first result instead of submitting twice',
  })
  @ApiCreatedResponse({ type: SubmittedFeedbackDto })
  async submit(
    @Body() body: SubmitFeedbackDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmittedFeedbackDto> {
    const result = await this.commandBus.execute(
      new SubmitFeedbackCommand(body, actor, context, idempotencyKey),
    );
    response
      .status(result.status)
      .setHeader('Location', `/api/v1/feedback/${result.body.id}`)
      .setHeader('ETag', etagOf(result.body.version));
    return result.body;
  }
}
