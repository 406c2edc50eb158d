import {
  Body,
  Controller,
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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { SprintView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { ApiRequiresIfMatch, etagOf, requireIfMatchVersion } from '../../platform/etag';
import { SprintIdParam, SprintInputSchema, SprintViewDto } from '../sprint.view';
import { ChangeSprintCommand, type SprintChange } from './change-sprint.command';
import { Requires } from '../../platform/permissions';

const EditSprintSchema = SprintInputSchema.partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one of name, goal, startDate, endDate or capacity.',
  });
class EditSprintDto extends createZodDto(EditSprintSchema) {}

@ApiTags('sprints')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates plan sprints' })
@ApiNotFoundResponse({ description: 'No such sprint in your workspace' })
@Controller('api/v1/sprints')
export class ChangeSprintController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  private async change(
    change: SprintChange,
    expectedVersion: number | undefined,
    actor: AuthenticatedActor,
    context: CommandContext,
    response: Response,
  ): Promise<SprintView> {
    const view = await this.commandBus.execute(
      new ChangeSprintCommand(change, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Patch(':id')
  @Requires('sprints.manage')
  @ApiOperation({
    summary: 'Edit a sprint that is not completed; needs If-Match with the version read',
  })
  @ApiRequiresIfMatch('sprint')
  @ApiOkResponse({ type: SprintViewDto })
  @ApiUnprocessableEntityResponse({
    description: 'The sprint is completed, or would end before it starts',
  })
  edit(
    @Param() { id }: SprintIdParam,
    @Body() body: EditSprintDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SprintView> {
    const expectedVersion = requireIfMatchVersion(ifMatch);
    return this.change(
      { type: 'EditSprint', sprintId: id, ...body },
      expectedVersion,
      actor,
      context,
      response,
    );
  }

  @Post(':id/start')
  @Requires('sprints.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start a planned sprint: its items can then be worked on' })
  @ApiOkResponse({ type: SprintViewDto })
  @ApiUnprocessableEntityResponse({ description: 'The sprint has already started or is completed' })
  start(
    @Param() { id }: SprintIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SprintView> {
    return this.change({ type: 'StartSprint', sprintId: id }, undefined, actor, context, response);
  }
}
