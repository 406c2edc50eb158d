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
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { ImportJobPageDto } from '../imports.schemas';
import { ListImportsQuery } from './list-imports.query';
import { pageCursor, pageLimit } from '../../platform/page-params';

const ListImportsParamsSchema = z
  .object({
    limit: pageLimit(100, 20),
    cursor: pageCursor,
  })
  .strict();
class ListImportsParams extends createZodDto(ListImportsParamsSchema) {}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class ListImportsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('workspace.import')
  @ApiOperation({ summary: 'The workspace’s imports, newest first, a page at a time' })
  @ApiOkResponse({ type: ImportJobPageDto })
  @ApiForbiddenResponse({ description: 'Only admins import' })
  list(
    @QueryParams() { limit, cursor }: ListImportsParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ImportJobPageDto> {
    return this.queryBus.execute(new ListImportsQuery(actor, limit, cursor));
  }
}
