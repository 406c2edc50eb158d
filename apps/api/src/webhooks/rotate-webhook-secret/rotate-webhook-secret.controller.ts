import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CreatedWebhook } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { Requires } from '../../platform/permissions';
import { WebhookIdParam } from '../webhooks.schemas';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class RotateWebhookSecretController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'Make a new signing secret, shown only in this answer; the previous one keeps signing beside it for 24 hours',
  })
  @ApiOkResponse({ description: 'CreatedWebhook: the subscription and its new secret' })
  async rotate(
    @Param() { id }: WebhookIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedWebhook> {
    const rotated = await this.commandBus.execute(
      new RotateWebhookSecretCommand(id, actor, context),
    );
    response.setHeader('ETag', etagOf(rotated.version));
    return rotated;
  }
}
