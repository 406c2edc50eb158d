import { Body, Controller, Delete, HttpCode, Inject, Param, Post } from '@nestjs/common';
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
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { PlanItemRequest, PlanResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { SprintIdParam, SprintViewSchema } from '../sprint.view';
import { PlanItemCommand } from './plan-item.command';
import { Requires } from '../../platform/permissions';

const PlanItemSchema = z
  .object({ itemId: z.uuid('itemId must be the id of a backlog item.') })
  .strict() satisfies z.ZodType<PlanItemRequest>;
class PlanItemDto extends createZodDto(PlanItemSchema) {}

const SprintItemParamsSchema = z.object({
  id: z.uuid('Sprint id must be a UUID.'),
  itemId: z.uuid('Backlog item id must be a UUID.'),
});
class SprintItemParams extends createZodDto(SprintItemParamsSchema) {}

const PlanResultSchema = z.object({
  sprint: SprintViewSchema,
  warning: z
    .string()
    .nullable()
    .describe('Set while the planned points exceed the capacity: planning past it is allowed'),
}) satisfies z.ZodType<PlanResult>;
class PlanResultDto extends createZodDto(PlanResultSchema) {}

@ApiTags('sprints')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates plan sprints' })
@ApiNotFoundResponse({ description: 'No such sprint or backlog item in your workspace' })
@Controller('api/v1/sprints')
export class PlanItemController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/items')
  @Requires('sprints.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Plan a ready story or task into a planned or active sprint; warns past the capacity',
  })
  @ApiOkResponse({ type: PlanResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'The item is not ready, is an epic, is in another sprint; the sprint is completed',
  })
  plan(
    @Param() { id }: SprintIdParam,
    @Body() { itemId }: PlanItemDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<PlanResult> {
    return this.commandBus.execute(new PlanItemCommand('PlanItem', id, itemId, actor, context));
  }

  @Delete(':id/items/:itemId')
  @Requires('sprints.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an item out of the sprint, back to the backlog' })
  @ApiOkResponse({ type: PlanResultDto })
  @ApiUnprocessableEntityResponse({ description: 'The item is not in the sprint, or accepted' })
  unplan(
    @Param() { id, itemId }: SprintItemParams,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<PlanResult> {
    return this.commandBus.execute(new PlanItemCommand('UnplanItem', id, itemId, actor, context));
  }
}
