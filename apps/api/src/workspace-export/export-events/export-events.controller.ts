import { Controller, Get, Inject, StreamableFile } from '@nestjs/common';
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
import { ExportEventsQuery } from './export-events.query';

@ApiTags('export')
@ApiBearerAuth()
@Controller('api/v1/export')
export class ExportEventsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('events.jsonl')
  @Requires('workspace.export')
  @ApiOperation({
    summary: "Every event of the caller's workspace as JSON Lines, in log order, streamed (admins)",
    description:
      "Customers' personal data is opened; an erased customer's reads as the stand-ins. docs/export.md describes the lines.",
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description:
      'One JSON object per line: globalPosition, streamId, streamType, version, eventId, type, schemaVersion, data, metadata (workspaceId, actorId, correlationId, causationId, occurredAt)',
  })
  @ApiForbiddenResponse({ description: 'Only admins export the workspace' })
  async export(@CurrentActor() actor: AuthenticatedActor): Promise<StreamableFile> {
    const lines = await this.queryBus.execute(new ExportEventsQuery(actor.workspaceId));
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(lines, {
      type: 'application/x-ndjson; charset=utf-8',
      disposition: `attachment; filename="events-${day}.jsonl"`,
    });
  }
}
