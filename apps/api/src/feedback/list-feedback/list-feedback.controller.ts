import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { feedbackSorts, feedbackStatuses, type FeedbackPage } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { FeedbackItemSchema } from '../feedback-item.view';
import { ListFeedbackQuery } from './list-feedback.query';

const ListFeedbackParamsSchema = z
  .object({
    sort: z
      .enum(feedbackSorts, { error: 'Sort must be votes, newest or activity.' })
      .default('votes'),
    status: z
      .enum(feedbackStatuses, { error: `Status must be one of ${feedbackStatuses.join(', ')}.` })
      .optional(),
    limit: z.coerce
      .number({ error: 'Limit must be a number.' })
      .int('Limit must be a whole number.')
      .min(1, 'Limit must be at least 1.')
      .max(100, 'Limit must be at most 100.')
      .default(20),
    cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
  })
  .strict();
class ListFeedbackParams extends createZodDto(ListFeedbackParamsSchema) {}

const FeedbackPageSchema = z.object({
  items: z.array(FeedbackItemSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<FeedbackPage>;
class FeedbackPageDto extends createZodDto(FeedbackPageSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class ListFeedbackController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The inbox, from the read model; cursor-paginated' })
  @ApiOkResponse({ type: FeedbackPageDto })
  list(
    @QueryParams() params: ListFeedbackParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<FeedbackPageDto> {
    return this.queryBus.execute(
      new ListFeedbackQuery(
        actor.workspaceId,
        actor.id,
        params.sort,
        params.limit,
        params.status,
        params.cursor,
      ),
    );
  }
}
