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
import { ExportArchiveQuery } from './export-archive.query';

@ApiTags('export')
@ApiBearerAuth()
@Controller('api/v1/export')
export class ExportArchiveController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('workspace.export')
  @ApiOperation({
    summary: "The caller's whole workspace as one zip, streamed (admins)",
    description:
      'manifest.json (counts and SHA-256 of every file), events.jsonl, people.jsonl (no passwords, sessions or API keys) and read-models/<table>.csv, all from one consistent snapshot. `npm run import:workspace` restores it into an empty installation (docs/export.md).',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The zip' })
  @ApiForbiddenResponse({ description: 'Only admins export the workspace' })
  async export(@CurrentActor() actor: AuthenticatedActor): Promise<StreamableFile> {
    const zip = await this.queryBus.execute(new ExportArchiveQuery(actor.workspaceId));
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: `attachment; filename="chorus-export-${day}.zip"`,
    });
  }
}
