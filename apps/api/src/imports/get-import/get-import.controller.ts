import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
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
import { stringify } from 'csv-stringify/sync';
import type { ImportJobDetail } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { notFound } from '../../platform/problem-details';
import { ImportIdParam, ImportJobDetailDto } from '../imports.schemas';
import { GetImportQuery } from './get-import.query';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class GetImportController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  private async job(actor: AuthenticatedActor, id: string): Promise<ImportJobDetail> {
    const job = await this.queryBus.execute(new GetImportQuery(actor, id));
    if (!job) throw notFound(`Import ${id} does not exist in this workspace.`);
    return job;
  }

  @Get(':id')
  @Requires('workspace.import')
  @ApiOperation({ summary: 'An import: its progress (processed of total), counts and problems' })
  @ApiOkResponse({ type: ImportJobDetailDto })
  @ApiForbiddenResponse({ description: 'Only admins import' })
  @ApiNotFoundResponse({ description: 'No such import in your workspace' })
  get(
    @Param() { id }: ImportIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ImportJobDetailDto> {
    return this.job(actor, id);
  }

  @Get(':id/errors.csv')
  @Requires('workspace.import')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'An import’s problems, one per line: part, row, field, message' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'A header row, then the problems kept (errorCount says how many)' })
  @ApiForbiddenResponse({ description: 'Only admins import' })
  @ApiNotFoundResponse({ description: 'No such import in your workspace' })
  async errors(
    @Param() { id }: ImportIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<string> {
    const job = await this.job(actor, id);
    return stringify(
      job.errors.map((e) => [e.part ?? '', e.row, e.field ?? '', e.message]),
      { header: true, columns: ['part', 'row', 'field', 'message'] },
    );
  }
}
