import { Body, Controller, Headers, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { ApiRequiresIfMatch, etagOf, requireIfMatchVersion } from '../../platform/etag';
import { BacklogItemChangedDto, BacklogItemIdParam } from '../backlog-item.view';
import { CriterionTextSchema } from '../create-backlog-item/create-backlog-item.dto';
import { ChangeAcceptanceCriteriaCommand } from './change-acceptance-criteria.command';
import { Requires } from '../../platform/permissions';

const ChangeAcceptanceCriteriaSchema = z
  .object({
    criteria: z
      .array(
        CriterionTextSchema.extend({
          id: z
            .uuid('A criterion id must be a UUID.')
            .optional()
            .describe('Omit for a new criterion; keep it to keep whether it is met'),
        }).strict(),
      )
      .max(50, 'An item may have at most 50 acceptance criteria.')
      .describe('The whole list, in order'),
  })
  .strict();
class ChangeAcceptanceCriteriaDto extends createZodDto(ChangeAcceptanceCriteriaSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class ChangeAcceptanceCriteriaController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':id/acceptance-criteria')
  @Requires('backlog.plan')
  @ApiOperation({
    summary:
      'Rewrite the ordered list of acceptance criteria; needs If-Match, as it replaces the whole list',
  })
  @ApiRequiresIfMatch('item')
  @ApiOkResponse({ type: BacklogItemChangedDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace' })
  @ApiForbiddenResponse({ description: 'Only teammates manage the backlog' })
  async change(
    @Param() { id }: BacklogItemIdParam,
    @Body() { criteria }: ChangeAcceptanceCriteriaDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemChangedDto> {
    const expectedVersion = requireIfMatchVersion(ifMatch);
    const result = await this.commandBus.execute(
      new ChangeAcceptanceCriteriaCommand(id, criteria, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
