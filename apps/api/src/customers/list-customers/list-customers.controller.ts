import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { CustomerPageDto } from '../customers.schemas';
import { pageLimit } from '../../platform/page-params';
import { ListCustomersQuery } from './list-customers.query';
import { Requires } from '../../platform/permissions';

const ListCustomersParamsSchema = z
  .object({
    q: z.string().trim().max(200, 'Search text must be at most 200 characters.').optional(),
    companyId: z.uuid('Company id must be a UUID.').optional(),
    limit: pageLimit(100, 20),
    cursor: z.string().max(1000).optional().describe('nextCursor of the previous page'),
  })
  .strict();
class ListCustomersParams extends createZodDto(ListCustomersParamsSchema) {}

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class ListCustomersController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('customers.read')
  @ApiOperation({ summary: 'End users by name; q matches name, email or external id' })
  @ApiOkResponse({ type: CustomerPageDto })
  list(
    @QueryParams() params: ListCustomersParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CustomerPageDto> {
    return this.queryBus.execute(
      new ListCustomersQuery(
        actor,
        params.limit,
        params.q || undefined,
        params.companyId,
        params.cursor,
      ),
    );
  }
}
