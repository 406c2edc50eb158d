import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CreatedWebhook } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { Requires } from '../../platform/permissions';
import { CreateWebhookDto } from '../webhooks.schemas';
import { CreateWebhookCommand } from './create-webhook.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class CreateWebhookController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'Subscribe a URL to events: signed CloudEvents (`webhook`) or Slack messages (`slack`). The answer is the only time the signing secret is shown',
  })
  @ApiCreatedResponse({ description: 'CreatedWebhook: the subscription and its secret' })
  async create(
    @Body() body: CreateWebhookDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedWebhook> {
    const created = await this.commandBus.execute(new CreateWebhookCommand(body, actor, context));
    response.setHeader('ETag', etagOf(created.version));
    response.setHeader('Location', `/api/v1/webhooks/${created.id}`);
    return created;
  }
}
