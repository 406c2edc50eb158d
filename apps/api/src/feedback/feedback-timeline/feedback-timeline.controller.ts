import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { type Timeline } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { notFound } from '../../platform/problem-details';
import { FeedbackIdParam } from '../feedback-item.view';
import { FeedbackTimelineQuery } from './feedback-timeline.query';
import { Requires } from '../../platform/permissions';

const TimelineSchema = z.object({
  entries: z.array(
    z.object({
      type: z.string(),
      at: z.iso.datetime(),
      actor: z.object({ id: z.string(), name: z.string().nullable() }),
      summary: z.string(),
      viaDuplicateId: z.uuid().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
}) satisfies z.ZodType<Timeline>;
class TimelineDto extends createZodDto(TimelineSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class FeedbackTimelineController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id/timeline')
  @Requires('feedback.internal.read')
  @ApiOperation({
    summary: 'Everything that happened to this item and its merged duplicates, from the event log',
  })
  @ApiOkResponse({ type: TimelineDto })
  async timeline(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<TimelineDto> {
    const timeline = await this.queryBus.execute(new FeedbackTimelineQuery(actor, id));
    if (!timeline) throw notFound(`Feedback ${id} does not exist in this workspace.`);
    return timeline;
  }
}
