import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { RankedBacklogItem } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { BacklogItemChangedSchema, BacklogItemIdParam } from '../backlog-item.view';
import { RankBacklogItemCommand } from './rank-backlog-item.command';
import { Requires } from '../../platform/permissions';

const RankBacklogItemSchema = z
  .object({
    afterId: z
      .uuid('afterId must be the id of a backlog item.')
      .nullable()
      .optional()
      .describe('The item it goes right after; null: the top'),
    beforeId: z
      .uuid('beforeId must be the id of a backlog item.')
      .nullable()
      .optional()
      .describe('The item it goes right before; null: the bottom'),
  })
  .strict()
  .refine((body) => typeof body.afterId === 'string' || typeof body.beforeId === 'string', {
    message: 'Say where the item goes: send afterId, beforeId or both.',
    path: ['afterId'],
  });
class RankBacklogItemDto extends createZodDto(RankBacklogItemSchema) {}

const RankedBacklogItemSchema = BacklogItemChangedSchema.extend({
  rank: z.string().describe('Its new fractional-indexing key'),
}) satisfies z.ZodType<RankedBacklogItem>;
class RankedBacklogItemDto extends createZodDto(RankedBacklogItemSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class RankBacklogItemController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/rank')
  @Requires('backlog.plan')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move an item in the backlog: after one item and/or before another, as dropped',
  })
  @ApiOkResponse({ type: RankedBacklogItemDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace' })
  @ApiUnprocessableEntityResponse({ description: 'A neighbour that is not in the backlog' })
  @ApiForbiddenResponse({ description: 'Only teammates manage the backlog' })
  async rank(
    @Param() { id }: BacklogItemIdParam,
    @Body() body: RankBacklogItemDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RankedBacklogItemDto> {
    const result = await this.commandBus.execute(
      new RankBacklogItemCommand(id, body, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
