import { Controller, Delete, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import { WebhookIdParam } from '../webhooks.schemas';
import { DeleteWebhookCommand } from './delete-webhook.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class DeleteWebhookController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Delete(':id')
  @HttpCode(204)
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'Delete a subscription, its URL and its secret: nothing more is sent to it, not even waiting retries',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  delete(
    @Param() { id }: WebhookIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    return this.commandBus.execute(new DeleteWebhookCommand(id, actor, context));
  }
}
