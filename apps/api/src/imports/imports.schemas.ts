import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  importItemKinds,
  importSources,
  type ImportJob,
  type ImportJobDetail,
  type ImportJobPage,
} from '@chorus/domain';

const Counts = z.object({ created: z.number(), updated: z.number(), skipped: z.number() });

export const ImportJobErrorSchema = z.object({
  part: z.string().nullable().describe('null for a CSV; the array (Canny) or table (Fider)'),
  row: z.number().describe('The CSV data row (1 after the header), or the position in `part`'),
  field: z.string().nullable(),
  message: z.string(),
});

export const ImportJobSchema = z.object({
  id: z.uuid(),
  source: z.enum(importSources),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  total: z.number().nullable().describe('Records to apply; null until the file is read'),
  processed: z.number().describe('Records applied (or checked) so far'),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  errorCount: z.number(),
  failure: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  by: z.object({ id: z.string(), name: z.string().nullable() }),
}) satisfies z.ZodType<ImportJob>;

export const ImportJobDetailSchema = ImportJobSchema.extend({
  byKind: z.partialRecord(z.enum(importItemKinds), Counts),
  errors: z.array(ImportJobErrorSchema).describe('The first problems; errorCount says how many'),
}) satisfies z.ZodType<ImportJobDetail>;
export class ImportJobDetailDto extends createZodDto(ImportJobDetailSchema) {}

export const ImportJobPageSchema = z.object({
  items: z.array(ImportJobSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<ImportJobPage>;
export class ImportJobPageDto extends createZodDto(ImportJobPageSchema) {}

export const ImportIdParamSchema = z.object({ id: z.uuid('Import id must be a UUID.') });
export class ImportIdParam extends createZodDto(ImportIdParamSchema) {}
