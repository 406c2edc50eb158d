import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
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
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { ExportReadModels } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { notFound } from '../../platform/problem-details';
import { ExportReadModelQuery } from './export-read-model.query';
import { ListReadModelsQuery } from './list-read-models.query';

const ExportReadModelsSchema = z.object({
  tables: z.array(
    z.object({
      table: z.string(),
      projection: z.string().describe('The projection of the worker that writes the table'),
      path: z.string().describe('Where its CSV is downloaded'),
    }),
  ),
}) satisfies z.ZodType<ExportReadModels>;
class ExportReadModelsDto extends createZodDto(ExportReadModelsSchema) {}

const ReadModelTableParamSchema = z.object({
  table: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{0,62}$/,
      'table must be the name of a read-model table, like feedback_list.',
    ),
});
class ReadModelTableParam extends createZodDto(ReadModelTableParamSchema) {}

@ApiTags('export')
@ApiBearerAuth()
@Controller('api/v1/export/read-models')
export class ExportReadModelsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('workspace.export')
  @ApiOperation({
    summary: 'The read-model tables whose rows of the workspace can be exported (admins)',
  })
  @ApiOkResponse({ type: ExportReadModelsDto })
  @ApiForbiddenResponse({ description: 'Only admins export the workspace' })
  list(): Promise<ExportReadModelsDto> {
    return this.queryBus.execute(new ListReadModelsQuery());
  }

  @Get(':table.csv')
  @Requires('workspace.export')
  @ApiOperation({
    summary: "One read-model table's rows of the caller's workspace as CSV, streamed (admins)",
    description:
      'A header row with every column, then the rows ordered by primary key, exactly as Postgres prints them (COPY … CSV). Cells are not escaped for spreadsheets.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV' })
  @ApiForbiddenResponse({ description: 'Only admins export the workspace' })
  @ApiNotFoundResponse({ description: 'No read-model table of that name' })
  async export(
    @Param() { table }: ReadModelTableParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<StreamableFile> {
    const csv = await this.queryBus.execute(new ExportReadModelQuery(actor.workspaceId, table));
    if (!csv) {
      throw notFound(
        `${table} is not a read-model table that can be exported (GET /api/v1/export/read-models lists them).`,
      );
    }
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${table}.csv"`,
    });
  }
}
