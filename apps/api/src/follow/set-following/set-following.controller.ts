import { Controller, Delete, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { FollowState } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { FeedbackIdParam } from '../follow.params';
import { SetFollowingCommand } from './set-following.command';
import { Requires } from '../../platform/permissions';

const FollowStateSchema = z.object({
  feedbackId: z.uuid(),
  following: z.boolean(),
  followerCount: z
    .number()
    .int()
    .describe('People following it and its merged duplicates, you included if you follow'),
}) satisfies z.ZodType<FollowState>;
class FollowStateDto extends createZodDto(FollowStateSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such feedback in your workspace' })
@Controller('api/v1/feedback')
export class SetFollowingController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':id/follow')
  @Requires('feedback.participate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Follow feedback: be told about its status and public comments' })
  @ApiOkResponse({ type: FollowStateDto })
  follow(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<FollowStateDto> {
    return this.commandBus.execute(new SetFollowingCommand('Follow', id, actor, context));
  }

  @Delete(':id/follow')
  @Requires('feedback.participate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unfollow feedback; this wins over following it as its author or a voter',
  })
  @ApiOkResponse({ type: FollowStateDto })
  unfollow(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<FollowStateDto> {
    return this.commandBus.execute(new SetFollowingCommand('Unfollow', id, actor, context));
  }
}
