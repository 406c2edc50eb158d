import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import {
  NotificationPreferencesViewDto,
  UpdateNotificationPreferencesDto,
} from '../notification-settings.schemas';
import { ChangeNotificationPreferencesCommand } from './change-notification-preferences.command';
import { GetNotificationPreferencesQuery } from './get-notification-preferences.query';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
  ) {}

  @Get()
  @Requires('profile.read')
  @ApiOperation({ summary: 'Which emails you receive, by category' })
  @ApiOkResponse({ type: NotificationPreferencesViewDto })
  get(@CurrentActor() actor: AuthenticatedActor): Promise<NotificationPreferencesViewDto> {
    return this.queryBus.execute(new GetNotificationPreferencesQuery(actor));
  }

  @Put()
  @Requires('profile.update')
  @ApiOperation({
    summary: 'Turn categories of email on or off; the categories not named stay as they are',
  })
  @ApiOkResponse({ type: NotificationPreferencesViewDto })
  change(
    @Body() { categories }: UpdateNotificationPreferencesDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<NotificationPreferencesViewDto> {
    return this.commandBus.execute(
      new ChangeNotificationPreferencesCommand(categories, actor, context),
    );
  }
}
