import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { CompanyPageDto } from '../customers.schemas';
import { pageLimit } from '../../platform/page-params';
import { ListCompaniesQuery } from './list-companies.query';
import { Requires } from '../../platform/permissions';

const ListCompaniesParamsSchema = z
  .object({
    q: z.string().trim().max(200, 'Search text must be at most 200 characters.').optional(),
    limit: pageLimit(100, 20),
    cursor: z.string().max(1000).optional().describe('nextCursor of the previous page'),
  })
  .strict();
class ListCompaniesParams extends createZodDto(ListCompaniesParamsSchema) {}

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/companies')
export class ListCompaniesController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('customers.read')
  @ApiOperation({ summary: 'Companies by name; q matches name or domain' })
  @ApiOkResponse({ type: CompanyPageDto })
  list(
    @QueryParams() params: ListCompaniesParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CompanyPageDto> {
    return this.queryBus.execute(
      new ListCompaniesQuery(actor, params.limit, params.q || undefined, params.cursor),
    );
  }
}
