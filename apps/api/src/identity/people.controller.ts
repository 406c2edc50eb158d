import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Invitation, PeopleList, PersonView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../platform/auth';
import { RequestContext } from '../platform/command-context';
import { Requires } from '../platform/permissions';
import { ChangePersonCommand } from './change-person/change-person.command';
import { ChangeRoleDto, InvitePersonDto, PersonIdParam } from './identity.schemas';
import { InvitePersonCommand } from './invite-person/invite-person.command';
import { ListPeopleQuery } from './list-people/list-people.query';

/** The page of the web app that accepts an invitation; the secret rides in the fragment, never in a server log. */
const acceptUrlOf = (request: Request, token: string) =>
  `${request.protocol}://${request.get('host') ?? 'localhost'}/invitation#token=${token}`;

@ApiTags('people')
@ApiBearerAuth()
@Controller('api/v1/people')
export class PeopleController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(QueryBus) private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @Requires('people.manage')
  @ApiOperation({ summary: "The workspace's people with their roles and status (not customers)" })
  @ApiOkResponse({ description: 'PeopleList' })
  list(@CurrentActor() actor: AuthenticatedActor): Promise<PeopleList> {
    return this.queryBus.execute(new ListPeopleQuery(actor));
  }

  @Post('invitations')
  @Requires('people.manage')
  @ApiOperation({
    summary:
      'Invite someone with a role: the answer holds the link that accepts it, shown once (valid seven days)',
  })
  @ApiCreatedResponse({ description: 'Invitation' })
  async invite(
    @Body() body: InvitePersonDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<Invitation> {
    const { person, token } = await this.commandBus.execute(
      new InvitePersonCommand(body, actor, context),
    );
    return { person, acceptUrl: acceptUrlOf(request, token) };
  }

  @Put(':id/role')
  @Requires('people.manage')
  @ApiOperation({
    summary: "Change someone's role (the last active admin keeps theirs); it applies at once",
  })
  @ApiOkResponse({ description: 'PersonView' })
  changeRole(
    @Param() { id }: PersonIdParam,
    @Body() { role }: ChangeRoleDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<PersonView> {
    return this.commandBus.execute(
      new ChangePersonCommand(id, { type: 'role', role }, actor, context),
    );
  }

  @Post(':id/deactivate')
  @Requires('people.manage')
  @ApiOperation({
    summary: 'Deactivate someone: their sessions and tokens stop working at once',
  })
  @ApiOkResponse({ description: 'PersonView' })
  deactivate(
    @Param() { id }: PersonIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<PersonView> {
    return this.commandBus.execute(
      new ChangePersonCommand(id, { type: 'deactivate' }, actor, context),
    );
  }

  @Post(':id/erase')
  @HttpCode(200)
  @Requires('privacy.erase')
  @ApiOperation({
    summary:
      "Erase someone's account (GDPR): their name and email are gone and they can never sign in again; what they did stays. Cannot be undone",
  })
  @ApiOkResponse({ description: 'PersonView, erased' })
  erase(
    @Param() { id }: PersonIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<PersonView> {
    return this.commandBus.execute(new ChangePersonCommand(id, { type: 'erase' }, actor, context));
  }

  @Post(':id/reactivate')
  @Requires('people.manage')
  @ApiOperation({ summary: 'Let a deactivated person back in, with the role they had' })
  @ApiOkResponse({ description: 'PersonView' })
  reactivate(
    @Param() { id }: PersonIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<PersonView> {
    return this.commandBus.execute(
      new ChangePersonCommand(id, { type: 'reactivate' }, actor, context),
    );
  }
}
