import {
  Body,
  Controller,
  Delete,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
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
import { RoadmapLane, type InitiativeChanged, type MoveInitiativeRequest } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { ApiRequiresIfMatch, etagOf, requireIfMatchVersion } from '../../platform/etag';
import { InitiativeChangedDto, InitiativeIdParam, InitiativeInputSchema } from '../initiative.view';
import { ChangeInitiativeCommand, type InitiativeChange } from './change-initiative.command';
import { Requires } from '../../platform/permissions';

const EditInitiativeSchema = InitiativeInputSchema.omit({ lane: true })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one of title, description, quarter or visibility.',
  });
class EditInitiativeDto extends createZodDto(EditInitiativeSchema) {}

const MoveInitiativeSchema = z
  .object({ lane: RoadmapLane })
  .strict() satisfies z.ZodType<MoveInitiativeRequest>;
class MoveInitiativeDto extends createZodDto(MoveInitiativeSchema) {}

@ApiTags('roadmap')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates change the roadmap' })
@ApiNotFoundResponse({ description: 'No such initiative in your workspace, or archived' })
@Controller('api/v1/initiatives')
export class ChangeInitiativeController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  private async change(
    change: InitiativeChange,
    expectedVersion: number | undefined,
    actor: AuthenticatedActor,
    context: CommandContext,
    response: Response,
  ): Promise<InitiativeChanged> {
    const changed = await this.commandBus.execute(
      new ChangeInitiativeCommand(change, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(changed.version));
    return changed;
  }

  @Patch(':id')
  @Requires('roadmap.manage')
  @ApiOperation({ summary: 'Edit an initiative; needs If-Match with the version read' })
  @ApiRequiresIfMatch('initiative')
  @ApiOkResponse({ type: InitiativeChangedDto })
  edit(
    @Param() { id }: InitiativeIdParam,
    @Body() body: EditInitiativeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InitiativeChanged> {
    const expectedVersion = requireIfMatchVersion(ifMatch);
    return this.change(
      { type: 'EditInitiative', initiativeId: id, ...body },
      expectedVersion,
      actor,
      context,
      response,
    );
  }

  @Post(':id/move')
  @Requires('roadmap.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move an initiative to the now, next or later lane' })
  @ApiOkResponse({ type: InitiativeChangedDto })
  move(
    @Param() { id }: InitiativeIdParam,
    @Body() { lane }: MoveInitiativeDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InitiativeChanged> {
    return this.change(
      { type: 'MoveInitiative', initiativeId: id, lane },
      undefined,
      actor,
      context,
      response,
    );
  }

  @Delete(':id')
  @Requires('roadmap.manage')
  @ApiOperation({ summary: 'Archive an initiative: it leaves the roadmap, public and internal' })
  @ApiOkResponse({ type: InitiativeChangedDto })
  archive(
    @Param() { id }: InitiativeIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InitiativeChanged> {
    return this.change(
      { type: 'ArchiveInitiative', initiativeId: id },
      undefined,
      actor,
      context,
      response,
    );
  }
}
