import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { SprintInputDto, SprintViewDto } from '../sprint.view';
import { CreateSprintCommand } from './create-sprint.command';
import { Requires } from '../../platform/permissions';

@ApiTags('sprints')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates plan sprints' })
@Controller('api/v1/sprints')
export class CreateSprintController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('sprints.manage')
  @ApiOperation({ summary: 'Create a sprint with its dates and capacity; it starts out planned' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first result instead of creating twice',
  })
  @ApiCreatedResponse({ type: SprintViewDto })
  @ApiUnprocessableEntityResponse({ description: 'The end is not after the start' })
  async create(
    @Body() body: SprintInputDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SprintViewDto> {
    const result = await this.commandBus.execute(
      new CreateSprintCommand(body, actor, context, idempotencyKey),
    );
    response
      .status(result.status)
      .setHeader('Location', `/api/v1/sprints/${result.body.id}`)
      .setHeader('ETag', etagOf(result.body.version));
    return result.body;
  }
}
