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
import { CompanyBodyDto, CompanyUpsertResultDto, ExternalIdParam } from '../customers.schemas';
import { UpsertCompanyCommand } from './upsert-company.command';
import { Requires } from '../../platform/permissions';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/companies')
export class UpsertCompanyController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Put(':externalId')
  @Requires('customers.manage')
  @ApiOperation({
    summary: 'Create or update a company by your external id; omitted fields keep their value',
  })
  @ApiCreatedResponse({ type: CompanyUpsertResultDto, description: 'Created' })
  @ApiOkResponse({ type: CompanyUpsertResultDto, description: 'Updated, or already so' })
  async upsert(
    @Param() { externalId }: ExternalIdParam,
    @Body() body: CompanyBodyDto,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CompanyUpsertResultDto> {
    const result = await this.commandBus.execute(
      new UpsertCompanyCommand({ ...body, externalId }, actor, context),
    );
    response.status(result.created ? 201 : 200);
    if (result.created) response.setHeader('Location', `/api/v1/companies/${result.item.id}`);
    return result;
  }
}
