import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { type MergeFeedbackInput, type MergePreview, type MergeResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { notFound } from '../../platform/problem-details';
import { FeedbackIdParam } from '../feedback-item.view';
import { MergeFeedbackCommand } from './merge-feedback.command';
import { MergePreviewQuery } from './merge-preview.query';
import { Requires } from '../../platform/permissions';

const MergeInputSchema = z
  .object({ intoId: z.uuid('intoId must be the UUID of the feedback to keep.') })
  .strict() satisfies z.ZodType<MergeFeedbackInput>;
class MergeInputDto extends createZodDto(MergeInputSchema) {}

const MergeResultSchema = z.object({
  duplicateId: z.uuid(),
  intoId: z.uuid().nullable(),
}) satisfies z.ZodType<MergeResult>;
class MergeResultDto extends createZodDto(MergeResultSchema) {}

const side = z.object({
  id: z.uuid(),
  title: z.string(),
  voteCount: z.number().int(),
  commentCount: z.number().int(),
  status: z.string(),
});
const MergePreviewSchema = z.object({
  duplicate: side,
  into: side,
  sharedVoters: z.number().int(),
  voteCountAfter: z.number().int(),
  revenueCentsAfter: z.number().int(),
  followerCountAfter: z.number().int(),
  problem: z.string().nullable(),
}) satisfies z.ZodType<MergePreview>;
class MergePreviewDto extends createZodDto(MergePreviewSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class MergeFeedbackController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(QueryBus) private readonly queryBus: QueryBus,
  ) {}

  @Get(':id/merge-preview')
  @Requires('feedback.triage')
  @ApiOperation({ summary: 'What merging this item into another would give, or why it cannot' })
  @ApiOkResponse({ type: MergePreviewDto })
  async preview(
    @Param() { id }: FeedbackIdParam,
    @QueryParams() { intoId }: MergeInputDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<MergePreviewDto> {
    const preview = await this.queryBus.execute(new MergePreviewQuery(actor, id, intoId));
    if (!preview) throw notFound('One of these feedback items does not exist in this workspace.');
    return preview;
  }

  @Post(':id/merge')
  @Requires('feedback.triage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge this duplicate into another item: its votes, followers and comments count there',
  })
  @ApiOkResponse({ type: MergeResultDto })
  merge(
    @Param() { id }: FeedbackIdParam,
    @Body() { intoId }: MergeInputDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<MergeResultDto> {
    return this.commandBus.execute(new MergeFeedbackCommand(id, intoId, actor, context));
  }

  @Delete(':id/merge')
  @Requires('feedback.triage')
  @ApiOperation({ summary: 'Unmerge: both items get back exactly what they had' })
  @ApiOkResponse({ type: MergeResultDto })
  unmerge(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<MergeResultDto> {
    return this.commandBus.execute(new MergeFeedbackCommand(id, null, actor, context));
  }
}
