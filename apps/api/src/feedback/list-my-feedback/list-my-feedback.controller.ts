import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { FeedbackPage } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { FeedbackItemSchema } from '../feedback-item.view';
import { ListMyFeedbackQuery } from './list-my-feedback.query';
import { pageCursor, pageLimit } from '../../platform/page-params';

const ListMyFeedbackParamsSchema = z
  .object({
    limit: pageLimit(100, 20),
    cursor: pageCursor,
  })
  .strict();
class ListMyFeedbackParams extends createZodDto(ListMyFeedbackParamsSchema) {}

const MyFeedbackPageSchema = z.object({
  items: z.array(FeedbackItemSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<FeedbackPage>;
class MyFeedbackPageDto extends createZodDto(MyFeedbackPageSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/me/feedback')
export class ListMyFeedbackController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('feedback.read')
  @ApiOperation({
    summary: 'What you submitted, newest first, including posts awaiting approval',
    description:
      'Your own posts only: published ones and those a teammate has yet to approve (moderation "pending"). Spam, rejected posts and private boards stay hidden from customers.',
  })
  @ApiOkResponse({ type: MyFeedbackPageDto })
  list(
    @QueryParams() { limit, cursor }: ListMyFeedbackParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<MyFeedbackPageDto> {
    return this.queryBus.execute(new ListMyFeedbackQuery(actor, limit, cursor));
  }
}
