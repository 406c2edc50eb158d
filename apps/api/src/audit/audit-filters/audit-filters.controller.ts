import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { AuditPerson } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { containsPattern } from '../../customers/customers.views';
import { auditEventAreas } from '../audit-event-types';
import { AuditEventTypesDto, AuditPeopleDto } from '../audit.view';

const PEOPLE_LIMIT = 20;

const PeopleParamsSchema = z
  .object({
    q: z.string().trim().max(100, 'q is at most 100 characters.').default(''),
  })
  .strict();
class PeopleParams extends createZodDto(PeopleParamsSchema) {}

/** What the filters of the audit trail offer: the event types, and people to pick an actor from. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditFiltersController {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  @Get('event-types')
  @Requires('audit.read')
  @ApiOperation({ summary: 'Every event type the trail can be filtered by, grouped by area' })
  @ApiOkResponse({ type: AuditEventTypesDto })
  @ApiForbiddenResponse({ description: 'Only admins read the audit trail' })
  eventTypes(): AuditEventTypesDto {
    return { areas: [...auditEventAreas] };
  }

  @Get('people')
  @Requires('audit.read')
  @ApiOperation({
    summary: 'People of the workspace whose name or email matches q: accounts, then customers',
  })
  @ApiOkResponse({ type: AuditPeopleDto })
  @ApiForbiddenResponse({ description: 'Only admins read the audit trail' })
  async people(
    @QueryParams() { q }: PeopleParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<AuditPeopleDto> {
    // Accounts first (teammates are who an audit is usually about); customers only when searched.
    const rows = await this.db.query<AuditPerson[]>(
      `(SELECT id::text AS id, name, email, role FROM users
        WHERE workspace_id = $1 AND ($2 = '' OR name ILIKE $3 OR email ILIKE $3)
        ORDER BY name, id LIMIT $4)
       UNION ALL
       (SELECT customer_id::text, coalesce(nullif(name, ''), email, external_id), email, 'customer'
        FROM customers
        WHERE workspace_id = $1 AND $2 <> ''
          AND (name ILIKE $3 OR email ILIKE $3 OR external_id ILIKE $3)
        ORDER BY name, customer_id LIMIT $4)`,
      [actor.workspaceId, q, containsPattern(q), PEOPLE_LIMIT],
    );
    const people = new Map<string, AuditPerson>();
    for (const row of rows) if (!people.has(row.id)) people.set(row.id, row);
    return { people: [...people.values()].slice(0, PEOPLE_LIMIT) };
  }
}
