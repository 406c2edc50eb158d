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
import { ReleaseInputDto } from '../release.schemas';
import { ReleaseViewDto } from '../release.view';
import { CreateReleaseCommand } from './create-release.command';
import { Requires } from '../../platform/permissions';

@ApiTags('releases')
@ApiBearerAuth()
@Controller('api/v1/releases')
export class CreateReleaseController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('releases.manage')
  @ApiOperation({ summary: 'Create a draft release (teammates)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first result instead of creating twice',
  })
  @ApiCreatedResponse({ type: ReleaseViewDto })
  @ApiForbiddenResponse({ description: 'Only teammates manage releases' })
  async create(
    @Body() body: ReleaseInputDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    const result = await this.commandBus.execute(
      new CreateReleaseCommand(body, actor, context, idempotencyKey),
    );
    response
      .status(result.status)
      .setHeader('Location', `/api/v1/releases/${result.body.id}`)
      .setHeader('ETag', etagOf(result.body.version));
    return result.body;
  }
}
