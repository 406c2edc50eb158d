import { Body, Controller, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { CustomerBodyDto, CustomerUpsertResultDto, ExternalIdParam } from '../customers.schemas';
import { UpsertCustomerCommand } from './upsert-customer.command';
import { Requires } from '../../platform/permissions';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class UpsertCustomerController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':externalId')
  @Requires('customers.manage')
  @ApiOperation({
    summary: 'Create or update an end user by your external id; omitted fields keep their value',
  })
  @ApiCreatedResponse({ type: CustomerUpsertResultDto, description: 'Created' })
  @ApiOkResponse({ type: CustomerUpsertResultDto, description: 'Updated, or already so' })
  async upsert(
    @Param() { externalId }: ExternalIdParam,
    @Body() body: CustomerBodyDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CustomerUpsertResultDto> {
    const result = await this.commandBus.execute(
      new UpsertCustomerCommand({ ...body, externalId }, actor, context),
    );
    response.status(result.created ? 201 : 200);
    return result;
  }
}
