import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  ChangelogBody,
  ChangelogTitle,
  IsoDate,
  ReleaseName,
  type ChangelogEntryInput,
  type EditReleaseInput,
  type ReleaseInput,
  type ScheduleChangelogInput,
} from '@chorus/domain';

export const ReleaseInputSchema = z
  .object({
    name: ReleaseName,
    date: IsoDate.describe('The planned release date, YYYY-MM-DD'),
  })
  .strict() satisfies z.ZodType<ReleaseInput>;
export class ReleaseInputDto extends createZodDto(ReleaseInputSchema) {}

export const EditReleaseSchema = ReleaseInputSchema.partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one of name or date.',
  }) satisfies z.ZodType<EditReleaseInput>;
export class EditReleaseDto extends createZodDto(EditReleaseSchema) {}

export const ChangelogEntrySchema = z
  .object({
    title: ChangelogTitle,
    body: ChangelogBody.describe('Markdown'),
  })
  .strict() satisfies z.ZodType<ChangelogEntryInput>;
export class ChangelogEntryDto extends createZodDto(ChangelogEntrySchema) {}

export const ScheduleChangelogSchema = z
  .object({
    publishAt: z.iso
      .datetime({ offset: true, message: 'Use a date and time like 2027-01-31T09:00:00Z.' })
      .describe('When to publish it; must be in the future'),
  })
  .strict() satisfies z.ZodType<ScheduleChangelogInput>;
export class ScheduleChangelogDto extends createZodDto(ScheduleChangelogSchema) {}
