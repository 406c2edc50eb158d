import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookDeliveryQueued } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { WebhookIdParam } from '../webhooks.schemas';
import { TestWebhookCommand } from './test-webhook.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class TestWebhookController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/test')
  @HttpCode(202)
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'Send a test event (com.chorus.webhook.ping.v1) now, even to a paused subscription; poll the delivery for the outcome',
  })
  @ApiAcceptedResponse({ description: 'WebhookDeliveryQueued: the delivery, before its attempt' })
  test(
    @Param() { id }: WebhookIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<WebhookDeliveryQueued> {
    return this.commandBus.execute(new TestWebhookCommand(id, actor));
  }
}
