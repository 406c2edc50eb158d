import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { StatusId, type StatusChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf, requireIfMatchVersion } from '../../platform/etag';
import { FeedbackIdParam } from '../feedback-item.view';
import { ChangeFeedbackStatusCommand } from './change-feedback-status.command';
import { Requires } from '../../platform/permissions';

const ChangeStatusSchema = z
  .object({
    status: StatusId.describe("A status id of the workspace's workflow (GET /api/v1/catalog)"),
  })
  .strict();
class ChangeStatusDto extends createZodDto(ChangeStatusSchema) {}

const StatusChangedSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.string(),
}) satisfies z.ZodType<StatusChanged>;
class StatusChangedDto extends createZodDto(StatusChangedSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class ChangeFeedbackStatusController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/status')
  @Requires('feedback.triage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move feedback along the workflow (teammates only)',
    description:
      'open → under_review → planned → in_progress → done, or → declined. An illegal move is a 422 whose detail says why. If-Match is optional here: without it the move is decided against the latest state.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: StatusChangedDto })
  @ApiUnprocessableEntityResponse({ description: 'The workflow does not allow this move' })
  async changeStatus(
    @Param() { id }: FeedbackIdParam,
    @Body() { status }: ChangeStatusDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatusChangedDto> {
    const expectedVersion = ifMatch === undefined ? undefined : requireIfMatchVersion(ifMatch);
    const result = await this.commandBus.execute(
      new ChangeFeedbackStatusCommand(id, status, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
