import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { MarkNotificationsReadInput } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { NotificationsMarkedReadDto } from '../notification.view';
import { MarkNotificationsReadCommand } from './mark-notifications-read.command';
import { Requires } from '../../platform/permissions';

// No body at all means the same as an empty one: every unread notification.
const MarkNotificationsReadSchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      ids: z
        .array(z.uuid('Each notification id must be a UUID.'))
        .min(1, 'Send at least one id, or leave ids out to mark every notification read.')
        .max(500, 'Mark at most 500 notifications at a time.')
        .optional()
        .describe('Omitted: every unread notification'),
    })
    .strict(),
) satisfies z.ZodType<MarkNotificationsReadInput>;
class MarkNotificationsReadDto extends createZodDto(MarkNotificationsReadSchema) {}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/me/notifications')
export class MarkNotificationsReadController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post('read')
  @Requires('profile.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark your notifications read: the ones named, or all unread' })
  @ApiOkResponse({ type: NotificationsMarkedReadDto })
  @ApiNotFoundResponse({ description: 'One of the ids is not a notification of yours' })
  markRead(
    @Body() { ids }: MarkNotificationsReadDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<NotificationsMarkedReadDto> {
    return this.commandBus.execute(new MarkNotificationsReadCommand(ids, actor, context));
  }
}
