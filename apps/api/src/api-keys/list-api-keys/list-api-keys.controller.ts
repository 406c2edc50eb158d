import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyList } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { ListApiKeysQuery } from './list-api-keys.query';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api/v1/api-keys')
export class ListApiKeysController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('api-keys.manage')
  @ApiOperation({
    summary:
      "The workspace's API keys, newest first: active, expired and revoked, never the secret",
  })
  @ApiOkResponse({ description: 'ApiKeyList' })
  list(@CurrentActor() actor: AuthenticatedActor): Promise<ApiKeyList> {
    return this.queryBus.execute(new ListApiKeysQuery(actor));
  }
}
