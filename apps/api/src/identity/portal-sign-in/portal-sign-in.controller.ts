import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type {
  Me,
  PortalSecret,
  PortalSecretStatus,
  PortalTokenInput,
  WidgetToken,
} from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, Public, unauthorized, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import { setSessionCookies } from '../sessions';
import { PortalSignIn } from './portal-sign-in';
import { PortalTokenRefused } from './portal-token';

const PortalTokenSchema = z.object({
  workspace: z.string({ error: 'Say which workspace (its slug).' }).min(1).max(48),
  token: z.string({ error: 'Send the signed token.' }).min(1).max(8192),
}) satisfies z.ZodType<PortalTokenInput>;
class PortalTokenDto extends createZodDto(PortalTokenSchema) {}

/** How long the widget's bearer token lasts; it signs in again with a fresh host token after. */
export const WIDGET_TOKEN_MINUTES = 60;

@ApiTags('identity')
@Controller('api/v1')
export class PortalSignInController {
  constructor(@Inject(PortalSignIn) private readonly portal: PortalSignIn) {}

  @Get('portal/secret')
  @ApiBearerAuth()
  @Requires('people.manage')
  @ApiOperation({
    summary: 'Whether the host application has a secret to sign sign-in tokens with',
  })
  @ApiOkResponse({ description: 'PortalSecretStatus' })
  status(@CurrentActor() actor: AuthenticatedActor): Promise<PortalSecretStatus> {
    return this.portal.status(actor.workspaceId);
  }

  @Post('portal/secret')
  @ApiBearerAuth()
  @Requires('people.manage')
  @ApiOperation({
    summary:
      "Make a new portal secret (shown once; the old one stops working) for the host application to sign its users' sign-in tokens with",
  })
  @ApiCreatedResponse({ description: 'PortalSecret' })
  rotate(
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<PortalSecret> {
    return this.portal.rotate(actor, context);
  }

  @Post('auth/portal-token')
  @Public()
  @ApiOperation({
    summary:
      "Sign a host application's user in to the portal with the HS256 token it signed for them: they vote as themselves",
  })
  @ApiCreatedResponse({ description: 'Me, with the session and CSRF cookies set' })
  async signIn(
    @Body() body: PortalTokenDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    try {
      const { me, secrets } = await this.portal.signIn(body.workspace, body.token);
      setSessionCookies(request, response, secrets);
      return me;
    } catch (error) {
      if (error instanceof PortalTokenRefused) throw unauthorized(error.message);
      throw error;
    }
  }

  @Post('auth/widget-token')
  @Public()
  @ApiOperation({
    summary: `Sign a host application's user in to the embedded widget with the HS256 token it signed for them: a bearer token for ${WIDGET_TOKEN_MINUTES} minutes, no cookies`,
  })
  @ApiCreatedResponse({ description: 'WidgetToken: { token, expiresAt, me }' })
  async widgetToken(@Body() body: PortalTokenDto): Promise<WidgetToken> {
    try {
      const startedAt = Date.now();
      const { me, secrets } = await this.portal.signIn(
        body.workspace,
        body.token,
        WIDGET_TOKEN_MINUTES,
      );
      const expiresAt = new Date(startedAt + WIDGET_TOKEN_MINUTES * 60_000).toISOString();
      return { token: secrets.token, expiresAt, me };
    } catch (error) {
      if (error instanceof PortalTokenRefused) throw unauthorized(error.message);
      throw error;
    }
  }
}
