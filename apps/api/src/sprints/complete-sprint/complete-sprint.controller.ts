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
import type { CompleteSprintRequest, CompleteSprintResult } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { SprintIdParam, SprintViewSchema } from '../sprint.view';
import { CompleteSprintCommand } from './complete-sprint.command';
import { Requires } from '../../platform/permissions';

const CompleteSprintSchema = z
  .object({
    carryOverTo: z
      .union([z.literal('backlog'), z.uuid()], {
        error: 'carryOverTo must be "backlog" or the id of the sprint to carry items into.',
      })
      .describe('Where unfinished items go: "backlog", or the id of a planned or active sprint'),
  })
  .strict() satisfies z.ZodType<CompleteSprintRequest>;
class CompleteSprintDto extends createZodDto(CompleteSprintSchema) {}

const CompleteSprintResultSchema = z.object({
  sprint: SprintViewSchema,
  acceptedItemIds: z.array(z.uuid()).describe('Accepted items: they stay with the sprint'),
  carriedOver: z
    .array(z.object({ itemId: z.uuid(), to: z.uuid().nullable().describe('null: the backlog') }))
    .describe('Unfinished items, and where they went'),
}) satisfies z.ZodType<CompleteSprintResult>;
class CompleteSprintResultDto extends createZodDto(CompleteSprintResultSchema) {}

@ApiTags('sprints')
@ApiBearerAuth()
@Controller('api/v1/sprints')
export class CompleteSprintController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/complete')
  @Requires('sprints.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Complete an active sprint: accepted items stay, unfinished ones go back to the backlog or into the next sprint',
  })
  @ApiOkResponse({ type: CompleteSprintResultDto })
  @ApiForbiddenResponse({ description: 'Only teammates plan sprints' })
  @ApiNotFoundResponse({ description: 'No such sprint in your workspace' })
  @ApiUnprocessableEntityResponse({
    description: 'The sprint is not active; the next sprint is missing, completed or this one',
  })
  async complete(
    @Param() { id }: SprintIdParam,
    @Body() { carryOverTo }: CompleteSprintDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CompleteSprintResult> {
    const result = await this.commandBus.execute(
      new CompleteSprintCommand(id, carryOverTo === 'backlog' ? null : carryOverTo, actor, context),
    );
    response.setHeader('ETag', etagOf(result.sprint.version));
    return result;
  }
}
