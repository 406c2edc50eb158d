import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../platform/auth';
import { setSessionCookies } from '../sessions';
import { SsoRefused, SsoSignIn } from './sso-sign-in';
import { callbackUrlOf } from './sso-settings.controller';
import { SsoCallbackDto, StartSsoDto, WorkspaceSlugParam } from './sso.schemas';

/** Back to the app's sign-in screen, which shows why. */
const refusedUrl = (message: string) => `/?sso_error=${encodeURIComponent(message)}`;

@ApiTags('identity')
@Controller('api/v1/auth/sso')
export class SsoSignInController {
  constructor(@Inject(SsoSignIn) private readonly sso: SsoSignIn) {}

  @Get(':workspaceSlug/start')
  @Public()
  @ApiOperation({
    summary: "Start single sign-on: redirects to the organisation's identity provider",
  })
  async start(
    @Param() { workspaceSlug }: WorkspaceSlugParam,
    @Query() { returnTo }: StartSsoDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const url = await this.sso.start(workspaceSlug, returnTo, callbackUrlOf(request));
      response.redirect(303, url.href);
    } catch (error) {
      if (!(error instanceof SsoRefused)) throw error;
      response.redirect(303, refusedUrl(error.message));
    }
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary:
      'Where the identity provider sends people back: checks the answer, signs in, redirects into the app',
  })
  async callback(
    @Query() query: SsoCallbackDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      if (query.error) {
        throw new SsoRefused(
          `The identity provider did not sign you in: ${query.error_description ?? query.error}.`,
        );
      }
      if (!query.state || !query.code)
        throw new SsoRefused('This sign-in link is incomplete; start again.');
      const callbackUrl = new URL(request.originalUrl, callbackUrlOf(request));
      const { secrets, returnTo } = await this.sso.finish(callbackUrl, query.state);
      setSessionCookies(request, response, secrets);
      response.redirect(303, returnTo);
    } catch (error) {
      if (!(error instanceof SsoRefused)) throw error;
      response.redirect(303, refusedUrl(error.message));
    }
  }
}
