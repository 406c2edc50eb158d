import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ageBuckets, drillKinds, type DrillPage } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { DashboardParamsSchema } from '../dashboard-params';
import type { DrillTarget } from '../kpi-reader';
import { DrillQuery } from './drill.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const needs = (field: string, kind: string) => `${field} is required to drill into ${kind}.`;

const DrillParamsSchema = DashboardParamsSchema.extend({
  of: z.enum(drillKinds, { error: `of must be one of ${drillKinds.join(', ')}.` }),
  statusId: z.string().trim().min(1).max(100).optional(),
  bucket: z
    .enum(ageBuckets, { error: `bucket must be one of ${ageBuckets.join(', ')}.` })
    .optional(),
  sprintId: z.string().trim().min(1).max(100).optional(),
  initiativeId: z.string().trim().min(1).max(100).optional(),
  limit: pageLimit(200, 50),
  cursor: pageCursor,
})
  .refine((p) => p.of !== 'status' || p.statusId !== undefined, {
    path: ['statusId'],
    message: needs('statusId', 'a status'),
  })
  .refine((p) => p.of !== 'ageing' || p.bucket !== undefined, {
    path: ['bucket'],
    message: needs('bucket', 'an age bucket'),
  })
  .refine((p) => p.of !== 'sprint' || p.sprintId !== undefined, {
    path: ['sprintId'],
    message: needs('sprintId', 'a sprint'),
  })
  .refine((p) => p.of !== 'initiative' || p.initiativeId !== undefined, {
    path: ['initiativeId'],
    message: needs('initiativeId', 'an initiative'),
  });
class DrillParams extends createZodDto(DrillParamsSchema) {}

const targetOf = ({ of, statusId, bucket, sprintId, initiativeId }: DrillParams): DrillTarget => {
  // The refinements above made sure each kind has what it needs.
  if (of === 'status') return { kind: of, statusId: statusId ?? '' };
  if (of === 'ageing') return { kind: of, bucket: bucket ?? '0-7' };
  if (of === 'sprint') return { kind: of, sprintId: sprintId ?? '' };
  if (of === 'initiative') return { kind: of, initiativeId: initiativeId ?? '' };
  return { kind: of };
};

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('api/v1/dashboards')
export class DrillController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('drill')
  @Requires('dashboards.read')
  @ApiOperation({
    summary:
      'The feedback or backlog items behind a number of a dashboard, newest first, cursor-paginated',
  })
  @ApiOkResponse({ description: 'DrillPage (packages/domain/src/contracts/dashboards-api.ts)' })
  @ApiForbiddenResponse({ description: 'Only teammates see the dashboards' })
  drill(
    @QueryParams() params: DrillParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<DrillPage> {
    const { limit, cursor, ...rest } = params;
    return this.queryBus.execute(new DrillQuery(actor, rest, targetOf(params), limit, cursor));
  }
}
