import { Controller, Get, Header, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { DashboardParamsDto } from '../dashboard-params';
import { DashboardTableQuery } from './dashboard-table.query';
import { Requires } from '../../platform/permissions';

const TableParamsSchema = z.object({
  dashboard: z.enum(['pm', 'po'], { error: 'The dashboards are pm and po.' }),
  table: z.string().min(1).max(40),
});
class TableParams extends createZodDto(TableParamsSchema) {}

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('api/v1/dashboards')
export class DashboardTableController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':dashboard/tables/:table.csv')
  @Requires('dashboards.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary: 'The table behind one chart of a dashboard, as CSV, for the same query string',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'A header row, then the rows (dashboardTables names them)' })
  @ApiNotFoundResponse({ description: 'The dashboard has no such table' })
  @ApiForbiddenResponse({ description: 'Only teammates see the dashboards' })
  table(
    @Param() { dashboard, table }: TableParams,
    @QueryParams() params: DashboardParamsDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<string> {
    return this.queryBus.execute(new DashboardTableQuery(actor, dashboard, table, params));
  }
}
