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
import { backlogItemKindNames, backlogItemStatusNames, type BacklogPage } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { AsOf } from '../backlog-as-of';
import { BacklogItemViewSchema } from '../backlog-item.view';
import { ListBacklogQuery } from './list-backlog.query';
import { Requires } from '../../platform/permissions';
import { pageCursor, pageLimit } from '../../platform/page-params';

const statusList = z
  .string()
  .transform((value) => [...new Set(value.split(',').map((s) => s.trim()))])
  .pipe(
    z.array(
      z.enum(backlogItemStatusNames, {
        error: `Each status must be one of ${backlogItemStatusNames.join(', ')}.`,
      }),
    ),
  );

const ListBacklogParamsSchema = z
  .object({
    kind: z
      .enum(backlogItemKindNames, {
        error: `Kind must be one of ${backlogItemKindNames.join(', ')}.`,
      })
      .optional(),
    status: statusList.optional().describe('Comma-separated statuses, e.g. todo,in_progress'),
    sprintId: z
      .union([z.literal('none'), z.uuid()], {
        error: 'sprintId must be the id of a sprint, or none for items in no sprint.',
      })
      .optional(),
    initiativeId: z.uuid('initiativeId must be the id of an initiative.').optional(),
    label: z.string().trim().min(1).max(40, 'A label is at most 40 characters.').optional(),
    parentId: z.uuid('parentId must be the id of a backlog item.').optional(),
    q: z.string().trim().min(1).max(200, 'Search for at most 200 characters.').optional(),
    limit: pageLimit(200, 50),
    cursor: pageCursor,
    asOf: AsOf,
  })
  .strict();
class ListBacklogParams extends createZodDto(ListBacklogParamsSchema) {}

const BacklogPageSchema = z.object({
  items: z.array(BacklogItemViewSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<BacklogPage>;
class BacklogPageDto extends createZodDto(BacklogPageSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class ListBacklogController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('backlog.read')
  @ApiOperation({
    summary:
      'The backlog in rank order, from the read model or as it stood at asOf; filterable, cursor-paginated',
  })
  @ApiOkResponse({ type: BacklogPageDto })
  @ApiForbiddenResponse({ description: 'Only teammates see the backlog' })
  list(
    @QueryParams() { status, limit, cursor, asOf, ...filters }: ListBacklogParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<BacklogPageDto> {
    return this.queryBus.execute(
      new ListBacklogQuery(actor, { ...filters, statuses: status }, limit, cursor, asOf),
    );
  }
}
