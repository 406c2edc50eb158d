import { Body, Controller, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { importMediaTypes, importSources, IMPORT_MAX_BYTES } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { describeBytes } from '../../platform/hardening';
import { Requires } from '../../platform/permissions';
import { ProblemException, validationFailed, fieldError } from '../../platform/problem-details';
import { ImportJobDetailDto } from '../imports.schemas';
import { StartImportCommand } from './start-import.command';

const StartImportParamsSchema = z
  .object({
    source: z
      .enum(importSources, { error: `Source must be one of ${importSources.join(', ')}.` })
      .describe('What the file is'),
    dryRun: z
      .stringbool({ error: 'dryRun must be true or false.' })
      .default(false)
      .describe('Validate and count what would change, without changing anything'),
  })
  .strict();
class StartImportParams extends createZodDto(StartImportParamsSchema) {}

const mediaTypeOf = (header: string | undefined) =>
  (header ?? '').split(';')[0]!.trim().toLowerCase();

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class StartImportController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Requires('workspace.import')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import a CSV file, a Canny export or a Fider backup, in the background',
    description:
      `The file itself is the body (at most ${describeBytes(IMPORT_MAX_BYTES)}): text/csv for the CSV sources, ` +
      'application/json for a Canny export, application/zip for a Fider backup (docs/imports.md). ' +
      'Answers 202 with the queued job; follow its progress at its Location. Importing the same file ' +
      'again changes nothing that is already there.',
  })
  @ApiConsumes('text/csv', 'application/json', 'application/zip')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: ImportJobDetailDto })
  @ApiForbiddenResponse({ description: 'Only admins import' })
  async start(
    @Query() { source, dryRun }: StartImportParams,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportJobDetailDto> {
    const accepted = importMediaTypes[source];
    if (!Buffer.isBuffer(body) || !accepted.includes(mediaTypeOf(contentType))) {
      throw new ProblemException(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `Send the file itself as the body, with Content-Type: ${accepted[0]}.`,
      );
    }
    if (body.length === 0) throw validationFailed([fieldError(['(body)'], 'The file is empty.')]);
    const job = await this.commandBus.execute(new StartImportCommand(source, dryRun, body, actor));
    response.setHeader('Location', `/api/v1/imports/${job.id}`);
    return job;
  }
}
