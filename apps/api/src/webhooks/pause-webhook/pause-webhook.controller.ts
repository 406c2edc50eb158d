import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WebhookView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { Requires } from '../../platform/permissions';
import { WebhookIdParam } from '../webhooks.schemas';
import { PauseWebhookCommand } from './pause-webhook.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class PauseWebhookController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/pause')
  @HttpCode(200)
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'Pause a subscription: events appended meanwhile are not sent to it, retries wait. Pausing twice is fine',
  })
  @ApiOkResponse({ description: 'WebhookView, paused by an admin' })
  pause(
    @Param() { id }: WebhookIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookView> {
    return this.run(new PauseWebhookCommand(id, true, actor, context), response);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'Resume a paused subscription (by an admin, or as failing): new events are sent again and waiting retries go on',
  })
  @ApiOkResponse({ description: 'WebhookView, active' })
  resume(
    @Param() { id }: WebhookIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookView> {
    return this.run(new PauseWebhookCommand(id, false, actor, context), response);
  }

  private async run(command: PauseWebhookCommand, response: Response): Promise<WebhookView> {
    const view = await this.commandBus.execute(command);
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
