import { Body, Controller, Headers, Inject, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WebhookView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { ApiRequiresIfMatch, etagOf, requireIfMatchVersion } from '../../platform/etag';
import { Requires } from '../../platform/permissions';
import { UpdateWebhookDto, WebhookIdParam } from '../webhooks.schemas';
import { ChangeWebhookCommand } from './change-webhook.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class ChangeWebhookController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @Requires('integrations.manage')
  @ApiOperation({
    summary: "Change a subscription's URL, event types or description; needs If-Match",
  })
  @ApiRequiresIfMatch('webhook')
  @ApiOkResponse({ description: 'WebhookView' })
  async change(
    @Param() { id }: WebhookIdParam,
    @Body() body: UpdateWebhookDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookView> {
    const expectedVersion = requireIfMatchVersion(ifMatch);
    const view = await this.commandBus.execute(
      new ChangeWebhookCommand(id, body, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
