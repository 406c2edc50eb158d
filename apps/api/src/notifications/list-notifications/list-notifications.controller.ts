import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { NotificationPageDto } from '../notification.view';
import { ListNotificationsQuery } from './list-notifications.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const ListNotificationsParamsSchema = z
  .object({
    limit: pageLimit(100, 20),
    cursor: pageCursor,
  })
  .strict();
class ListNotificationsParams extends createZodDto(ListNotificationsParamsSchema) {}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/me/notifications')
export class ListNotificationsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('profile.read')
  @ApiOperation({ summary: 'Your in-app notifications, newest first, with how many are unread' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(
    @QueryParams() { limit, cursor }: ListNotificationsParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<NotificationPageDto> {
    return this.queryBus.execute(new ListNotificationsQuery(actor, limit, cursor));
  }
}
