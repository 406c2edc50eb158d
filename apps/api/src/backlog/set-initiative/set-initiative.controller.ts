import { Body, Controller, Inject, Param, Put, Res } from '@nestjs/common';
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
import type { SetInitiativeInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { BacklogItemChangedDto, BacklogItemIdParam } from '../backlog-item.view';
import { SetInitiativeCommand } from './set-initiative.command';
import { Requires } from '../../platform/permissions';

const SetInitiativeSchema = z
  .object({
    initiativeId: z
      .uuid('initiativeId must be the id of an initiative, or null.')
      .nullable()
      .describe('null takes the item off its initiative'),
  })
  .strict() satisfies z.ZodType<SetInitiativeInput>;
class SetInitiativeDto extends createZodDto(SetInitiativeSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class SetInitiativeController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':id/initiative')
  @Requires('backlog.plan')
  @ApiOperation({ summary: 'Put the item on a roadmap initiative, or take it off' })
  @ApiOkResponse({ type: BacklogItemChangedDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace' })
  @ApiUnprocessableEntityResponse({ description: 'No such initiative, or it is archived' })
  @ApiForbiddenResponse({ description: 'Only teammates manage the backlog' })
  async set(
    @Param() { id }: BacklogItemIdParam,
    @Body() { initiativeId }: SetInitiativeDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemChangedDto> {
    const result = await this.commandBus.execute(
      new SetInitiativeCommand(id, initiativeId, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
