import { Body, Controller, HttpCode, Inject, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { parse as parseCookie } from 'cookie';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, SESSION_COOKIE, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import { ChangePasswordDto } from '../identity.schemas';
import { ChangePasswordCommand } from './change-password.command';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/me/password')
export class ChangePasswordController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put()
  @HttpCode(204)
  @Requires('profile.update')
  @ApiOperation({
    summary: 'Set your password (with the current one, when you have one); your other sessions end',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  async change(
    @Body() body: ChangePasswordDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<void> {
    const session = parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
    await this.commandBus.execute(new ChangePasswordCommand(body, actor, context, session));
  }
}
