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
import { backlogItemKindNames, type NextFilters } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RankedPageDto } from '../prioritisation.schemas';
import { ListNextQuery } from './list-next.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const ListNextParamsSchema = z
  .object({
    kind: z
      .enum(backlogItemKindNames, {
        error: `Kind must be one of ${backlogItemKindNames.join(', ')}.`,
      })
      .optional(),
    label: z.string().trim().min(1).max(40, 'A label is at most 40 characters.').optional(),
    limit: pageLimit(100, 20),
    cursor: pageCursor,
  })
  .strict() satisfies z.ZodType<NextFilters>;
class ListNextParams extends createZodDto(ListNextParamsSchema) {}

@ApiTags('prioritisation')
@ApiBearerAuth()
@Controller('api/v1/prioritisation')
export class ListNextController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('next')
  @Requires('backlog.read')
  @ApiOperation({
    summary:
      'What to build next: backlog items not yet planned into a sprint, by score, highest first',
    description:
      'Scored by the active model; unscored items come last, ties in backlog order. Cursor-paginated.',
  })
  @ApiOkResponse({ type: RankedPageDto })
  @ApiForbiddenResponse({ description: 'Only teammates see how the backlog is prioritised' })
  list(
    @QueryParams() { limit, cursor, ...filters }: ListNextParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<RankedPageDto> {
    return this.queryBus.execute(new ListNextQuery(actor, filters, limit, cursor));
  }
}
