import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  backlogItemKindNames,
  backlogItemStatusNames,
  type FeedbackBacklogItems,
} from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { FeedbackIdParam } from '../../follow/follow.params';
import { FeedbackBacklogItemsQuery } from './feedback-backlog-items.query';
import { Requires } from '../../platform/permissions';

const FeedbackBacklogItemsSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(backlogItemKindNames),
      title: z.string(),
      status: z.enum(backlogItemStatusNames),
      estimate: z.number().nullable(),
      sprintId: z.uuid().nullable(),
    }),
  ),
}) satisfies z.ZodType<FeedbackBacklogItems>;
class FeedbackBacklogItemsDto extends createZodDto(FeedbackBacklogItemsSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class FeedbackBacklogItemsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id/backlog-items')
  @Requires('feedback.internal.read')
  @ApiOperation({ summary: 'The backlog items that answer this feedback, in backlog order' })
  @ApiOkResponse({ type: FeedbackBacklogItemsDto })
  @ApiForbiddenResponse({ description: 'Only teammates see the backlog' })
  list(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<FeedbackBacklogItemsDto> {
    return this.queryBus.execute(new FeedbackBacklogItemsQuery(actor, id));
  }
}
