import {
  Body,
  Controller,
  Delete,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Res,
} from '@nestjs/common';
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
import { createZodDto } from 'nestjs-zod';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf, requireIfMatchVersion } from '../../platform/etag';
import {
  ModelIdParam,
  ScoringModelInputSchema,
  ScoringModelsViewDto,
} from '../prioritisation.schemas';
import { ChangeScoringModelsCommand, type ScoringChange } from './change-scoring-models.command';
import { Requires } from '../../platform/permissions';

class ScoringModelInputDto extends createZodDto(ScoringModelInputSchema) {}

/** If-Match is optional here: without it the change applies to the models as they are now. */
const optionalIfMatch = (header: string | undefined): number | undefined =>
  header === undefined || header.trim() === '' ? undefined : requireIfMatchVersion(header);

const IfMatch = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version of the scoring models you read; a stale one is refused with 412',
});

@ApiTags('prioritisation')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates change how the backlog is scored' })
@ApiPreconditionFailedResponse({ description: 'The models changed since the version in If-Match' })
@Controller('api/v1/scoring-models')
export class ChangeScoringModelsController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  private async change(
    change: ScoringChange,
    ifMatch: string | undefined,
    actor: AuthenticatedActor,
    context: CommandContext,
    response: Response,
  ): Promise<ScoringModelsViewDto> {
    const view = await this.commandBus.execute(
      new ChangeScoringModelsCommand(change, optionalIfMatch(ifMatch), actor, context),
    );
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Put(':modelId')
  @Requires('prioritisation.manage')
  @ApiOperation({
    summary: 'Define a scoring model, or replace it whole (built-in ones may be tuned)',
  })
  @IfMatch
  @ApiOkResponse({ type: ScoringModelsViewDto })
  @ApiUnprocessableEntityResponse({
    description: 'The formula or a factor is wrong: the answer names the field and the mistake',
  })
  define(
    @Param() { modelId }: ModelIdParam,
    @Body() body: ScoringModelInputDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScoringModelsViewDto> {
    return this.change(
      { type: 'DefineScoringModel', modelId, ...body },
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Delete(':modelId')
  @Requires('prioritisation.manage')
  @ApiOperation({ summary: 'Remove a scoring model that does not rank the backlog' })
  @IfMatch
  @ApiOkResponse({ type: ScoringModelsViewDto })
  @ApiNotFoundResponse({ description: 'No such model' })
  @ApiUnprocessableEntityResponse({ description: 'It is the active model' })
  remove(
    @Param() { modelId }: ModelIdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScoringModelsViewDto> {
    return this.change({ type: 'RemoveScoringModel', modelId }, ifMatch, actor, context, response);
  }

  @Post(':modelId/activate')
  @Requires('prioritisation.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rank "what to build next" by this model; every item is rescored' })
  @IfMatch
  @ApiOkResponse({ type: ScoringModelsViewDto })
  @ApiNotFoundResponse({ description: 'No such model' })
  activate(
    @Param() { modelId }: ModelIdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScoringModelsViewDto> {
    return this.change(
      { type: 'ActivateScoringModel', modelId },
      ifMatch,
      actor,
      context,
      response,
    );
  }
}
