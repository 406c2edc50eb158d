import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { Requires } from '../../platform/permissions';
import { ExternalIdParam } from '../customers.schemas';
import { EraseCustomerCommand } from './erase-customer.command';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class EraseCustomerController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':externalId/erase')
  @HttpCode(200)
  @Requires('privacy.erase')
  @ApiOperation({
    summary:
      'Erase an end user (GDPR): their name, email and external id can never be read again, anywhere; their votes and feedback still count. Cannot be undone',
  })
  @ApiOkResponse({ description: '{ customerId, erased: true }' })
  erase(
    @Param() { externalId }: ExternalIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<{ customerId: string; erased: true }> {
    return this.commandBus.execute(new EraseCustomerCommand(externalId, actor, context));
  }
}
