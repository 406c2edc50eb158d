import { Body, Controller, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { CSV_MEDIA_TYPES } from '../../platform/hardening';
import { ProblemException } from '../../platform/problem-details';
import { ImportReportDto } from '../customers.schemas';
import { ImportCommand } from './import.command';
import { Requires } from '../../platform/permissions';

const ImportKindParamSchema = z.object({
  kind: z.enum(['companies', 'customers'], { error: 'Import companies or customers.' }),
});
class ImportKindParam extends createZodDto(ImportKindParamSchema) {}

const ImportParamsSchema = z
  .object({
    dryRun: z
      .stringbool({ error: 'dryRun must be true or false.' })
      .default(false)
      .describe('Validate and count without changing anything'),
  })
  .strict();
class ImportParams extends createZodDto(ImportParamsSchema) {}

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class ImportController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':kind')
  @Requires('customers.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import companies or customers from a CSV file with a header row',
    description:
      'Companies: externalId,name,domain,plan,mrr,segment and attr.<name> columns (mrr in currency units, e.g. 1234.50). ' +
      'Customers: externalId,email,name,companyExternalId. Invalid rows are reported and change nothing; ' +
      'the valid rows are applied together in one transaction.',
  })
  @ApiConsumes(...CSV_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', example: 'externalId,name,mrr\nacme,Acme Inc,1234.50\n' } })
  @ApiOkResponse({ type: ImportReportDto })
  import(
    @Param() { kind }: ImportKindParam,
    @Query() { dryRun }: ImportParams,
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
  ): Promise<ImportReportDto> {
    if (typeof body !== 'string') {
      throw new ProblemException(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        'Send the file itself as the body, with Content-Type: text/csv.',
      );
    }
    return this.commandBus.execute(new ImportCommand(kind, body, dryRun, actor, context));
  }
}
