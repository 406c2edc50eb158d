import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ONE_TIME_CODE_MINUTES, type CodeRequested, type Me } from '@chorus/domain';
import { Public } from '../../platform/auth';
import { setSessionCookies } from '../sessions';
import { ConfirmPasswordResetCommand } from './confirm-password-reset.command';
import { ConfirmPasswordResetDto, RequestPasswordResetDto } from './password-reset.schemas';
import { RequestPasswordResetCommand } from './request-password-reset.command';

@ApiTags('identity')
@Controller('api/v1/auth/password-reset')
export class PasswordResetController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Forgot your password: mails a code to the address if it is an active teammate's; the answer never says whether it is",
  })
  @ApiAcceptedResponse({ description: 'CodeRequested' })
  async request(@Body() body: RequestPasswordResetDto): Promise<CodeRequested> {
    await this.commandBus.execute(new RequestPasswordResetCommand(body));
    return { validMinutes: ONE_TIME_CODE_MINUTES };
  }

  @Post('confirm')
  @Public()
  @ApiOperation({
    summary:
      'Set a new password with the mailed code: every session of the person ends, and this one signs in',
  })
  @ApiCreatedResponse({ description: 'Me, with the session and CSRF cookies set' })
  async confirm(
    @Body() body: ConfirmPasswordResetDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { me, secrets } = await this.commandBus.execute(new ConfirmPasswordResetCommand(body));
    setSessionCookies(request, response, secrets);
    return me;
  }
}
