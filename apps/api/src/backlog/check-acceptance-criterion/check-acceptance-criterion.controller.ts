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
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { BacklogItemChangedDto, BacklogItemIdParamSchema } from '../backlog-item.view';
import { CheckAcceptanceCriterionCommand } from './check-acceptance-criterion.command';
import { Requires } from '../../platform/permissions';

const CriterionParamsSchema = BacklogItemIdParamSchema.extend({
  criterionId: z.uuid('criterionId must be the id of an acceptance criterion.'),
});
class CriterionParams extends createZodDto(CriterionParamsSchema) {}

const CheckAcceptanceCriterionSchema = z
  .object({ met: z.boolean({ error: 'met must be true or false.' }) })
  .strict();
class CheckAcceptanceCriterionDto extends createZodDto(CheckAcceptanceCriterionSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class CheckAcceptanceCriterionController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':id/acceptance-criteria/:criterionId')
  @Requires('backlog.work')
  @ApiOperation({ summary: 'Check an acceptance criterion off as met, or not met' })
  @ApiOkResponse({ type: BacklogItemChangedDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace' })
  @ApiUnprocessableEntityResponse({ description: 'The item has no such criterion' })
  @ApiForbiddenResponse({ description: 'Only teammates manage the backlog' })
  async check(
    @Param() { id, criterionId }: CriterionParams,
    @Body() { met }: CheckAcceptanceCriterionDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemChangedDto> {
    const result = await this.commandBus.execute(
      new CheckAcceptanceCriterionCommand(id, criterionId, met, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
