import { Body, Controller, Get, Inject, Param, Put, Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  DomainRuleViolation,
  workspaceDecider,
  workspaceStreamId,
  type PublicSingleSignOn,
  type SingleSignOnView,
} from '@chorus/domain';
import { PostgresEventStore, type CommandContext } from '@chorus/event-store';
import { CurrentActor, Public, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import { decideAndAppend } from '../../platform/run-decider';
import { checkIssuer } from './oidc';
import { readSsoConnection, writeSsoConnection } from './sso-connection';
import { SingleSignOnDto, WorkspaceSlugParam } from './sso.schemas';

/** Where the provider sends people back: register it at the provider. */
export const callbackUrlOf = (request: Request): string =>
  `${request.protocol}://${request.get('host') ?? 'localhost'}/api/v1/auth/sso/callback`;

@ApiTags('identity')
@Controller('api/v1')
export class SsoSettingsController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  @Get('sso')
  @ApiBearerAuth()
  @Requires('people.manage')
  @ApiOperation({ summary: 'Single sign-on settings (never the client secret)' })
  @ApiOkResponse({ description: 'SingleSignOnView' })
  async get(
    @CurrentActor() actor: AuthenticatedActor,
    @Req() request: Request,
  ): Promise<SingleSignOnView> {
    const connection = await readSsoConnection(this.db, actor.workspaceId);
    const redirectUri = callbackUrlOf(request);
    if (!connection) {
      return {
        configured: false,
        enabled: false,
        issuer: '',
        clientId: '',
        hasSecret: false,
        roleClaim: null,
        roleMap: {},
        defaultRole: null,
        redirectUri,
      };
    }
    const { clientSecret: _, workspaceId: __, ...settings } = connection;
    return { ...settings, configured: true, hasSecret: true, redirectUri };
  }

  @Put('sso')
  @ApiBearerAuth()
  @Requires('people.manage')
  @ApiOperation({
    summary:
      "Configure single sign-on with the organisation's OIDC provider; the issuer is checked before saving",
  })
  @ApiOkResponse({ description: 'SingleSignOnView' })
  async configure(
    @Body() body: SingleSignOnDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<SingleSignOnView> {
    const { clientSecret, ...sso } = body;
    const saved = await readSsoConnection(this.db, actor.workspaceId);
    const secret = clientSecret ?? saved?.clientSecret;
    if (secret === undefined) {
      throw new DomainRuleViolation('Give the client secret the provider issued.', 'clientSecret');
    }
    await this.db.transaction(async (manager) => {
      const { events } = await decideAndAppend(
        this.store,
        workspaceDecider,
        workspaceStreamId(actor.workspaceId),
        { type: 'ConfigureSingleSignOn', workspaceId: actor.workspaceId, sso, actor },
        context,
        { manager },
      );
      const configured = events.find((e) => e.type === 'WorkspaceSingleSignOnConfigured');
      const { workspaceId: _, ...settings } = configured?.data ?? { workspaceId: '', ...sso };
      const connection = { ...settings, workspaceId: actor.workspaceId, clientSecret: secret };
      try {
        await checkIssuer(connection);
      } catch {
        throw new DomainRuleViolation(
          `Could not read the provider's configuration at ${connection.issuer}/.well-known/openid-configuration; check the issuer.`,
          'issuer',
        );
      }
      await writeSsoConnection(manager, connection);
    });
    return this.get(actor, request);
  }

  @Get('public/:workspaceSlug/sso')
  @Public()
  @ApiOperation({
    summary: 'Whether the sign-in screen offers single sign-on, and where it starts',
  })
  @ApiOkResponse({ description: 'PublicSingleSignOn' })
  async publicSso(@Param() { workspaceSlug }: WorkspaceSlugParam): Promise<PublicSingleSignOn> {
    const [row] = await this.db.query<{ enabled: boolean }[]>(
      `SELECT c.enabled FROM sso_connections c
       JOIN workspaces w ON w.workspace_id = c.workspace_id WHERE w.slug = $1`,
      [workspaceSlug],
    );
    return row?.enabled
      ? { enabled: true, startUrl: `/api/v1/auth/sso/${encodeURIComponent(workspaceSlug)}/start` }
      : { enabled: false, startUrl: null };
  }
}
