import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { feedbackSorts, feedbackSources, inboxViews, type FeedbackPage } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { FeedbackItemSchema } from '../feedback-item.view';
import { ListFeedbackQuery } from './list-feedback.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const shortText = (what: string) => z.string().trim().min(1).max(100, `${what} is too long.`);

const ListFeedbackParamsSchema = z
  .object({
    sort: z
      .enum(feedbackSorts, { error: `Sort must be one of ${feedbackSorts.join(', ')}.` })
      .default('votes'),
    view: z.enum(inboxViews, { error: `View must be one of ${inboxViews.join(', ')}.` }).optional(),
    status: shortText('Status').optional(),
    boardId: shortText('Board id').optional(),
    categoryId: shortText('Category id').optional(),
    tagId: shortText('Tag id').optional(),
    segment: shortText('Segment').optional(),
    plan: shortText('Plan').optional(),
    companyId: z.uuid('Company id must be a UUID.').optional(),
    source: z
      .enum(feedbackSources, { error: `Source must be one of ${feedbackSources.join(', ')}.` })
      .optional(),
    unanswered: z
      .enum(['true', 'false'], { error: 'Unanswered must be true or false.' })
      .transform((v) => v === 'true')
      .optional(),
    limit: pageLimit(100, 20),
    cursor: pageCursor,
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
  @Requires('feedback.read')
  @ApiOperation({
    summary: 'The inbox, from the read model; filterable, cursor-paginated',
    description:
      'Views: inbox (published), pending (awaiting approval), spam, merged. Company, segment and plan match feedback asked for or voted on by that company’s people.',
  })
  @ApiOkResponse({ type: FeedbackPageDto })
  list(
    @QueryParams() { sort, limit, cursor, ...filters }: ListFeedbackParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<FeedbackPageDto> {
    return this.queryBus.execute(new ListFeedbackQuery(actor, sort, limit, filters, cursor));
  }
}
