import { Controller, Delete, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { VoteResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { FeedbackIdParam } from '../feedback-item.view';
import { VoteCommand } from './vote.command';

const VoteStateSchema = z.object({
  feedbackId: z.uuid(),
  voted: z.boolean(),
}) satisfies z.ZodType<VoteResult>;
class VoteStateDto extends createZodDto(VoteStateSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class VoteController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/votes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vote for feedback; voting again is a no-op' })
  @ApiOkResponse({ type: VoteStateDto })
  vote(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<VoteStateDto> {
    return this.commandBus.execute(new VoteCommand('CastVote', id, actor, context));
  }

  @Delete(':id/votes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your vote; withdrawing without a vote is a no-op' })
  @ApiOkResponse({ type: VoteStateDto })
  unvote(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<VoteStateDto> {
    return this.commandBus.execute(new VoteCommand('WithdrawVote', id, actor, context));
  }
}
