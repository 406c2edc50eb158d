import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
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
import { WorkState, type ChangeWorkStateRequest, type SprintItemChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { BacklogItemIdParam, BacklogItemStatusSchema } from '../sprint.view';
import { ItemWorkCommand, type ItemWork } from './item-work.command';
import { Requires } from '../../platform/permissions';

const ChangeWorkStateSchema = z
  .object({ to: WorkState.describe('todo, in_progress, in_review or done') })
  .strict() satisfies z.ZodType<ChangeWorkStateRequest>;
class ChangeWorkStateDto extends createZodDto(ChangeWorkStateSchema) {}

// The reason is required: its absence is a rule the domain states (422), not malformed input.
const RejectItemSchema = z
  .object({ reason: z.string().optional().describe('Required: why it is not accepted') })
  .strict();
class RejectItemDto extends createZodDto(RejectItemSchema) {}

const SprintItemChangedSchema = z.object({
  id: z.uuid(),
  version: z.number().int().describe("The item's new version"),
  status: BacklogItemStatusSchema,
}) satisfies z.ZodType<SprintItemChanged>;
class SprintItemChangedDto extends createZodDto(SprintItemChangedSchema) {}

@ApiTags('sprints')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates work on sprint items' })
@ApiNotFoundResponse({ description: 'No such backlog item in your workspace' })
@Controller('api/v1/backlog')
export class ItemWorkController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  private work(work: ItemWork, actor: AuthenticatedActor, context: CommandContext) {
    return this.commandBus.execute(new ItemWorkCommand(work, actor, context));
  }

  @Post(':id/work-state')
  @Requires('backlog.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move an item of an active sprint on the board' })
  @ApiOkResponse({ type: SprintItemChangedDto })
  @ApiUnprocessableEntityResponse({
    description: 'The item is not in an active sprint, or accepted',
  })
  changeWorkState(
    @Param() { id }: BacklogItemIdParam,
    @Body() { to }: ChangeWorkStateDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<SprintItemChanged> {
    return this.work({ type: 'ChangeWorkState', itemId: id, to }, actor, context);
  }

  @Post(':id/accept')
  @Requires('backlog.accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a done item: every acceptance criterion must be met (Product Owner)',
  })
  @ApiOkResponse({ type: SprintItemChangedDto })
  @ApiUnprocessableEntityResponse({ description: 'Not done, or criteria not met (listed)' })
  accept(
    @Param() { id }: BacklogItemIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<SprintItemChanged> {
    return this.work({ type: 'AcceptItem', itemId: id }, actor, context);
  }

  @Post(':id/reject')
  @Requires('backlog.accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a done item with the reason: it goes back to in progress (Product Owner)',
  })
  @ApiOkResponse({ type: SprintItemChangedDto })
  @ApiUnprocessableEntityResponse({ description: 'Not done, or no reason given' })
  reject(
    @Param() { id }: BacklogItemIdParam,
    @Body() { reason }: RejectItemDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<SprintItemChanged> {
    return this.work({ type: 'RejectItem', itemId: id, reason }, actor, context);
  }
}
