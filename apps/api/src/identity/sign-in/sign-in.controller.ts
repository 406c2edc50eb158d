import { Body, Controller, Delete, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import type { Me } from '@chorus/domain';
import { Public, SESSION_COOKIE, TokenAuthenticator } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { SignInDto } from '../identity.schemas';
import { clearSessionCookies, setSessionCookies } from '../sessions';
import { SignInCommand } from './sign-in.command';
import { SignOutCommand } from './sign-out.command';

@ApiTags('identity')
@Controller('api/v1/auth/sessions')
export class SessionsController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
  ) {}

  @Post()
  @Public()
  @ApiOperation({
    summary:
      'Sign in with email and password: sets the HttpOnly session cookie and the CSRF cookie to echo in the x-csrf-token header',
  })
  @ApiCreatedResponse({ description: 'Me' })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { me, secrets } = await this.commandBus.execute(new SignInCommand(body));
    setSessionCookies(request, response, secrets);
    return me;
  }

  @Delete('current')
  @HttpCode(204)
  @Requires('profile.update')
  @ApiOperation({ summary: 'Sign out: ends this session and clears its cookies' })
  @ApiOkResponse({ description: 'Signed out' })
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
    if (token) {
      await this.commandBus.execute(new SignOutCommand(token));
      this.authenticator.forgetSession(token);
    }
    clearSessionCookies(request, response);
  }
}
