import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryQueued,
} from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { DeliveryParams, DeliveryQueryDto, WebhookIdParam } from '../webhooks.schemas';
import { GetDeliveryQuery, ListDeliveriesQuery } from './deliveries.query';
import { RedeliverCommand } from './redeliver.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class DeliveriesController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
  ) {}

  @Get(':id/deliveries')
  @Requires('integrations.manage')
  @ApiOperation({
    summary: "A subscription's delivery log, newest first, a page at a time, by status if given",
  })
  @ApiOkResponse({ description: 'WebhookDeliveryPage' })
  list(
    @Param() { id }: WebhookIdParam,
    @QueryParams() query: DeliveryQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<WebhookDeliveryPage> {
    return this.queryBus.execute(new ListDeliveriesQuery(id, query, actor));
  }

  @Get(':id/deliveries/:deliveryId')
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'One delivery with every attempt: the request as sent (headers, body) and what the receiver answered',
  })
  @ApiOkResponse({ description: 'WebhookDeliveryDetail' })
  get(
    @Param() { id, deliveryId }: DeliveryParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<WebhookDeliveryDetail> {
    return this.queryBus.execute(new GetDeliveryQuery(id, deliveryId, actor));
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'Send a delivery again now, as a new attempt, even if it was delivered or given up; poll it for the outcome',
  })
  @ApiAcceptedResponse({ description: 'WebhookDeliveryQueued' })
  redeliver(
    @Param() { id, deliveryId }: DeliveryParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<WebhookDeliveryQueued> {
    return this.commandBus.execute(new RedeliverCommand(id, deliveryId, actor));
  }
}
