import { Body, Controller, Headers, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  FactorValues,
  type BacklogItemChanged,
  type BacklogItemFactorsInput,
} from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf, requireIfMatchVersion } from '../../platform/etag';
import { BacklogItemIdParam } from '../prioritisation.schemas';
import { SetBacklogItemFactorsCommand } from './set-backlog-item-factors.command';
import { Requires } from '../../platform/permissions';

const BacklogItemFactorsSchema = z
  .object({
    factors: FactorValues.describe(
      'Hand-set values by factor key, e.g. {"impact": 3}; keys not named keep their values',
    ),
  })
  .strict() satisfies z.ZodType<BacklogItemFactorsInput>;
class BacklogItemFactorsDto extends createZodDto(BacklogItemFactorsSchema) {}

const BacklogItemChangedSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
}) satisfies z.ZodType<BacklogItemChanged>;
class BacklogItemChangedDto extends createZodDto(BacklogItemChangedSchema) {}

@ApiTags('prioritisation')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class SetBacklogItemFactorsController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':id/factors')
  @Requires('backlog.plan')
  @ApiOperation({
    summary:
      "Set an item's hand-set scoring factors (impact, confidence, effort, …); its score follows shortly",
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: "The item's version you read; a stale one is refused with 412",
  })
  @ApiOkResponse({ type: BacklogItemChangedDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace' })
  @ApiForbiddenResponse({ description: 'Only teammates score the backlog' })
  @ApiPreconditionFailedResponse({ description: 'The item changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({
    description: 'A key is not a hand-set factor of any model: the answer names factors.<key>',
  })
  async set(
    @Param() { id }: BacklogItemIdParam,
    @Body() { factors }: BacklogItemFactorsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemChangedDto> {
    const expectedVersion =
      ifMatch === undefined || ifMatch.trim() === '' ? undefined : requireIfMatchVersion(ifMatch);
    const result = await this.commandBus.execute(
      new SetBacklogItemFactorsCommand(id, factors, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
