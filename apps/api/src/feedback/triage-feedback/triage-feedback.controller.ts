import { Body, Controller, Delete, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  CategoryId,
  TagId,
  type CategoriseFeedbackInput,
  type FeedbackChanged,
  type RejectFeedbackInput,
} from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { FeedbackIdParamSchema } from '../feedback-item.view';
import { TriageFeedbackCommand, type TriageAction } from './triage-feedback.command';
import { Requires } from '../../platform/permissions';

const FeedbackChangedSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
}) satisfies z.ZodType<FeedbackChanged>;
class FeedbackChangedDto extends createZodDto(FeedbackChangedSchema) {}

class FeedbackTagParam extends createZodDto(FeedbackIdParamSchema.extend({ tagId: TagId })) {}
class FeedbackParam extends createZodDto(FeedbackIdParamSchema) {}
class RejectDto extends createZodDto(
  z
    .object({
      reason: z.string().trim().max(500, 'Reason must be at most 500 characters.').optional(),
    })
    .strict() satisfies z.ZodType<RejectFeedbackInput>,
) {}

class CategoriseDto extends createZodDto(
  z
    .object({
      categoryId: CategoryId.nullable().describe("One of its board's categories, or null for none"),
    })
    .strict() satisfies z.ZodType<CategoriseFeedbackInput>,
) {}

/** Tags, moderation and spam: the moves of inbox triage. Teammates only (the domain says 403). */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class TriageFeedbackController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  private run(
    id: string,
    action: TriageAction,
    actor: AuthenticatedActor,
    context: CommandContext,
  ): Promise<FeedbackChangedDto> {
    return this.commandBus.execute(new TriageFeedbackCommand(id, action, actor, context));
  }

  @Put(':id/tags/:tagId')
  @Requires('feedback.triage')
  @ApiOperation({ summary: 'Tag feedback; tagging twice is a no-op' })
  @ApiOkResponse({ type: FeedbackChangedDto })
  tag(
    @Param() { id, tagId }: FeedbackTagParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ) {
    return this.run(id, { type: 'TagFeedback', tagId }, actor, context);
  }

  @Delete(':id/tags/:tagId')
  @Requires('feedback.triage')
  @ApiOperation({ summary: 'Remove a tag' })
  @ApiOkResponse({ type: FeedbackChangedDto })
  untag(
    @Param() { id, tagId }: FeedbackTagParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ) {
    return this.run(id, { type: 'UntagFeedback', tagId }, actor, context);
  }

  @Put(':id/category')
  @Requires('feedback.triage')
  @ApiOperation({ summary: "File it under one of its board's categories, or none" })
  @ApiOkResponse({ type: FeedbackChangedDto })
  categorise(
    @Param() { id }: FeedbackParam,
    @Body() { categoryId }: CategoriseDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ) {
    return this.run(id, { type: 'CategoriseFeedback', categoryId }, actor, context);
  }

  @Post(':id/approve')
  @Requires('feedback.triage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a post waiting for moderation' })
  @ApiOkResponse({ type: FeedbackChangedDto })
  approve(
    @Param() { id }: FeedbackParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ) {
    return this.run(id, { type: 'ApproveFeedback' }, actor, context);
  }

  @Post(':id/reject')
  @Requires('feedback.triage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a post waiting for moderation' })
  @ApiOkResponse({ type: FeedbackChangedDto })
  reject(
    @Param() { id }: FeedbackParam,
    @Body() body: RejectDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ) {
    return this.run(id, { type: 'RejectFeedback', reason: body.reason }, actor, context);
  }

  @Put(':id/spam')
  @Requires('feedback.triage')
  @ApiOperation({ summary: 'Mark as spam: hidden from the inbox and customers; events are kept' })
  @ApiOkResponse({ type: FeedbackChangedDto })
  markSpam(
    @Param() { id }: FeedbackParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ) {
    return this.run(id, { type: 'MarkFeedbackSpam' }, actor, context);
  }

  @Delete(':id/spam')
  @Requires('feedback.triage')
  @ApiOperation({ summary: 'Clear the spam mark' })
  @ApiOkResponse({ type: FeedbackChangedDto })
  clearSpam(
    @Param() { id }: FeedbackParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ) {
    return this.run(id, { type: 'ClearFeedbackSpam' }, actor, context);
  }
}
