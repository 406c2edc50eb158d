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
import { BacklogItemViewDto } from '../backlog-item.view';
import { CreateBacklogItemCommand } from './create-backlog-item.command';
import { CreateBacklogItemDto } from './create-backlog-item.dto';
import { Requires } from '../../platform/permissions';

@ApiTags('backlog')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates manage the backlog' })
@Controller('api/v1/backlog')
export class CreateBacklogItemController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('backlog.plan')
  @ApiOperation({
    summary: 'Add an epic, story or task to the backlog, at the bottom unless said otherwise',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first result instead of creating twice',
  })
  @ApiCreatedResponse({ type: BacklogItemViewDto })
  @ApiUnprocessableEntityResponse({
    description: 'A parent of the wrong kind, merged feedback, an owner who is not a teammate, …',
  })
  async create(
    @Body() body: CreateBacklogItemDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemViewDto> {
    const result = await this.commandBus.execute(
      new CreateBacklogItemCommand(body, actor, context, idempotencyKey),
    );
    response
      .status(result.status)
      .setHeader('Location', `/api/v1/backlog/${result.body.id}`)
      .setHeader('ETag', etagOf(result.body.version));
    return result.body;
  }
}
