import { Controller, Get, Inject, Query as QueryParams, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { AuditFiltersDto, resolveAuditFilter } from '../audit-params';
import { ExportAuditQuery } from './export-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1')
export class ExportAuditController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('audit.csv')
  @Requires('audit.read')
  @ApiOperation({
    summary: 'The audit trail as CSV: every entry the same filters match, newest first (admins)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'A header row, then one row per event: position, occurredAt, actorId, actorName, actorRole, type, summary, resourceType, resourceId, streamId, resourceLabel, correlationId, data (JSON)',
  })
  @ApiForbiddenResponse({ description: 'Only admins read the audit trail' })
  async export(
    @QueryParams() filters: AuditFiltersDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<StreamableFile> {
    const filter = resolveAuditFilter(filters);
    const csv = await this.queryBus.execute(new ExportAuditQuery(actor.workspaceId, filter));
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-${day}.csv"`,
    });
  }
}
