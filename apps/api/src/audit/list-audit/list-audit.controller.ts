import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { AuditPageParamsDto, resolveAuditFilter } from '../audit-params';
import { AuditPageDto } from '../audit.view';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class ListAuditController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({
    summary: 'The audit trail: who did what, when, to which resource, newest first (admins)',
    description:
      'Read from the event log itself. Filter by actor, event types, resource (a stream id or a stream type) and when it happened; cursor-paginated.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiForbiddenResponse({ description: 'Only admins read the audit trail' })
  list(
    @QueryParams() { limit, cursor, ...filters }: AuditPageParamsDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<AuditPageDto> {
    return this.queryBus.execute(
      new ListAuditQuery(actor.workspaceId, resolveAuditFilter(filters), limit, cursor),
    );
  }
}
