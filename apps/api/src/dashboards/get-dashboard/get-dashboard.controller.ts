import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { PmDashboard, PoDashboard } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { DashboardParamsDto } from '../dashboard-params';
import { GetDashboardQuery } from './get-dashboard.query';
import { Requires } from '../../platform/permissions';

const shapes = 'Shapes: packages/domain/src/contracts/dashboards-api.ts; figures: docs/kpis.md.';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('api/v1/dashboards')
export class GetDashboardController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('pm')
  @Requires('dashboards.read')
  @ApiOperation({
    summary:
      'The product dashboard: feedback volume, votes, voters, active customers, top requests, response and triage times, funnel, ageing, linked shares, closed loop, revenue by quarter',
  })
  @ApiOkResponse({ description: `PmDashboard. ${shapes}` })
  @ApiForbiddenResponse({ description: 'Only teammates see the dashboards' })
  pm(
    @QueryParams() params: DashboardParamsDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PmDashboard> {
    return this.queryBus.execute(new GetDashboardQuery(actor, 'pm', params));
  }

  @Get('po')
  @Requires('dashboards.read')
  @ApiOperation({
    summary:
      'The delivery dashboard: sprint velocity and carry-over, throughput, backlog health, roadmap progress, funnel, ageing, response times',
  })
  @ApiOkResponse({ description: `PoDashboard. ${shapes}` })
  @ApiForbiddenResponse({ description: 'Only teammates see the dashboards' })
  po(
    @QueryParams() params: DashboardParamsDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PoDashboard> {
    return this.queryBus.execute(new GetDashboardQuery(actor, 'po', params));
  }
}
