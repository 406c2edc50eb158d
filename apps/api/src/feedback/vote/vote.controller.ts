import { Body, Controller, Delete, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { VoteInput, VoteResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { FeedbackIdParam } from '../feedback-item.view';
import { OnBehalfOfSchema } from '../on-behalf-of';
import { VoteCommand } from './vote.command';
import { Requires } from '../../platform/permissions';

const VoteStateSchema = z.object({
  feedbackId: z.uuid(),
  voted: z.boolean(),
}) satisfies z.ZodType<VoteResult>;
class VoteStateDto extends createZodDto(VoteStateSchema) {}

// A vote needs no body; one is sent only to vote for a customer.
const VoteInputSchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      onBehalfOf: OnBehalfOfSchema.optional().describe(
        'A teammate recording the vote of a customer (sales call, support ticket, …)',
      ),
    })
    .strict(),
) satisfies z.ZodType<VoteInput>;
class VoteInputDto extends createZodDto(VoteInputSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class VoteController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/votes')
  @Requires('feedback.participate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vote for feedback; voting again is a no-op' })
  @ApiOkResponse({ type: VoteStateDto })
  vote(
    @Param() { id }: FeedbackIdParam,
    @Body() body: VoteInputDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<VoteStateDto> {
    return this.commandBus.execute(
      new VoteCommand('CastVote', id, actor, context, body.onBehalfOf),
    );
  }

  @Delete(':id/votes')
  @Requires('feedback.participate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your vote; withdrawing without a vote is a no-op' })
  @ApiOkResponse({ type: VoteStateDto })
  unvote(
    @Param() { id }: FeedbackIdParam,
    @Body() body: VoteInputDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<VoteStateDto> {
    return this.commandBus.execute(
      new VoteCommand('WithdrawVote', id, actor, context, body.onBehalfOf),
    );
  }
}
