import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Me } from '@chorus/domain';
import { Public } from '../../platform/auth';
import { AcceptInvitationDto } from '../identity.schemas';
import { setSessionCookies } from '../sessions';
import { AcceptInvitationCommand } from './accept-invitation.command';

@ApiTags('identity')
@Controller('api/v1/auth/invitations')
export class AcceptInvitationController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post('accept')
  @Public()
  @ApiOperation({
    summary: 'Accept an invitation with the token of its link and a new password; signs in',
  })
  @ApiCreatedResponse({ description: 'Me, with the session and CSRF cookies set' })
  async accept(
    @Body() body: AcceptInvitationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { me, secrets } = await this.commandBus.execute(new AcceptInvitationCommand(body));
    setSessionCookies(request, response, secrets);
    return me;
  }
}
