import { Module } from '@nestjs/common';
import { ListNotificationsController } from './list-notifications/list-notifications.controller';
import { ListNotificationsHandler } from './list-notifications/list-notifications.handler';
import { MarkNotificationsReadController } from './mark-notifications-read/mark-notifications-read.controller';
import { MarkNotificationsReadHandler } from './mark-notifications-read/mark-notifications-read.handler';

@Module({
  controllers: [ListNotificationsController, MarkNotificationsReadController],
  providers: [ListNotificationsHandler, MarkNotificationsReadHandler],
})
export class NotificationsModule {}
