import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WebhookList, WebhookView } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { etagOf } from '../../platform/etag';
import { Requires } from '../../platform/permissions';
import { WebhookIdParam } from '../webhooks.schemas';
import { GetWebhookQuery, ListWebhooksQuery } from './get-webhooks.query';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class GetWebhooksController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('integrations.manage')
  @ApiOperation({
    summary: "The workspace's webhook and Slack subscriptions, newest first, never their secrets",
  })
  @ApiOkResponse({ description: 'WebhookList' })
  list(@CurrentActor() actor: AuthenticatedActor): Promise<WebhookList> {
    return this.queryBus.execute(new ListWebhooksQuery(actor));
  }

  @Get(':id')
  @Requires('integrations.manage')
  @ApiOperation({ summary: 'One subscription, as of its last change; its ETag is the version' })
  @ApiOkResponse({ description: 'WebhookView' })
  async get(
    @Param() { id }: WebhookIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookView> {
    const view = await this.queryBus.execute(new GetWebhookQuery(id, actor));
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
