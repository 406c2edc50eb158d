import { Controller, Delete, Inject, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import { ApiKeyIdParam } from '../api-keys.schemas';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api/v1/api-keys')
export class RevokeApiKeyController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Delete(':id')
  @Requires('api-keys.manage')
  @ApiOperation({
    summary: 'Revoke an API key: requests with it answer 401 from now on. Revoking twice is fine',
  })
  @ApiOkResponse({ description: 'ApiKeyView, revoked' })
  revoke(
    @Param() { id }: ApiKeyIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<ApiKeyView> {
    return this.commandBus.execute(new RevokeApiKeyCommand(id, actor, context));
  }
}
