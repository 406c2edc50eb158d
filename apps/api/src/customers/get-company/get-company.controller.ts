import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { CompanyDetailDto, CompanyIdParam } from '../customers.schemas';
import { GetCompanyQuery } from './get-company.query';
import { Requires } from '../../platform/permissions';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/companies')
export class GetCompanyController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Requires('customers.read')
  @ApiOperation({
    summary: 'The company page: its people, what they requested and voted on, its revenue',
  })
  @ApiOkResponse({ type: CompanyDetailDto })
  get(
    @Param() { id }: CompanyIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CompanyDetailDto> {
    return this.queryBus.execute(new GetCompanyQuery(actor, id));
  }
}
