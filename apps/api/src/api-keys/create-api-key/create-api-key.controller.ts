import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedApiKey } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import { CreateApiKeyInputDto } from '../api-keys.schemas';
import { CreateApiKeyCommand } from './create-api-key.command';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api/v1/api-keys')
export class CreateApiKeyController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('api-keys.manage')
  @ApiOperation({
    summary:
      'Create an API key for a service: the answer is the only time the key is shown (it is stored hashed)',
  })
  @ApiCreatedResponse({ description: 'CreatedApiKey: the key and how it is listed' })
  create(
    @Body() body: CreateApiKeyInputDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<CreatedApiKey> {
    return this.commandBus.execute(new CreateApiKeyCommand(body, actor, context));
  }
}
