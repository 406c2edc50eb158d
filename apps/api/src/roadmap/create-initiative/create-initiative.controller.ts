import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { InitiativeChangedDto, InitiativeInputDto } from '../initiative.view';
import { CreateInitiativeCommand } from './create-initiative.command';
import { Requires } from '../../platform/permissions';

@ApiTags('roadmap')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates change the roadmap' })
@Controller('api/v1/initiatives')
export class CreateInitiativeController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('roadmap.manage')
  @ApiOperation({ summary: 'Put an initiative on the roadmap: a lane, maybe a quarter' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first result instead of creating twice',
  })
  @ApiCreatedResponse({ type: InitiativeChangedDto })
  async create(
    @Body() body: InitiativeInputDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InitiativeChangedDto> {
    const result = await this.commandBus.execute(
      new CreateInitiativeCommand(body, actor, context, idempotencyKey),
    );
    response
      .status(result.status)
      .setHeader('Location', `/api/v1/initiatives/${result.body.id}`)
      .setHeader('ETag', etagOf(result.body.version));
    return result.body;
  }
}
