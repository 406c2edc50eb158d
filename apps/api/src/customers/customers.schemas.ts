import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  CompanyAttributes,
  CompanyDomain,
  CompanyName,
  CustomerEmail,
  ExternalId,
  MrrCents,
  PersonName,
  Plan,
  Segment,
  type CompanyDetail,
  type CompanyInput,
  type CompanyPage,
  type CompanyView,
  type CustomerInput,
  type CustomerPage,
  type CustomerView,
  type ImportReport,
  type ImportRowError,
  type UpsertResult,
} from '@chorus/domain';

export const ExternalIdParamSchema = z.object({ externalId: ExternalId });
export class ExternalIdParam extends createZodDto(ExternalIdParamSchema) {}

export const CompanyIdParamSchema = z.object({ id: z.uuid('Company id must be a UUID.') });
export class CompanyIdParam extends createZodDto(CompanyIdParamSchema) {}

export const CompanyBodySchema = z
  .object({
    name: CompanyName.optional().describe('Defaults to the external id'),
    domain: CompanyDomain.nullable().optional(),
    plan: Plan.nullable().optional(),
    mrrCents: MrrCents.optional().describe('Monthly recurring revenue in cents'),
    segment: Segment.nullable().optional(),
    attributes: CompanyAttributes.optional().describe('Custom attributes; replaces the set'),
  })
  .strict() satisfies z.ZodType<Omit<CompanyInput, 'externalId'>>;
export class CompanyBodyDto extends createZodDto(CompanyBodySchema) {}

export const CustomerBodySchema = z
  .object({
    email: CustomerEmail.nullable().optional(),
    name: PersonName.optional(),
    companyExternalId: ExternalId.nullable()
      .optional()
      .describe("The company's external id; the company must exist. null detaches."),
  })
  .strict() satisfies z.ZodType<Omit<CustomerInput, 'externalId'>>;
export class CustomerBodyDto extends createZodDto(CustomerBodySchema) {}

const AttributeValue = z.union([z.string(), z.number(), z.boolean()]);

export const CompanyViewSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  plan: z.string().nullable(),
  mrrCents: z.number().int(),
  segment: z.string().nullable(),
  attributes: z.record(z.string(), AttributeValue),
  customerCount: z.number().int(),
}) satisfies z.ZodType<CompanyView>;

export const CustomerViewSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  companyId: z.uuid().nullable(),
}) satisfies z.ZodType<CustomerView>;

export const CompanyUpsertResultSchema = z.object({
  created: z.boolean(),
  item: CompanyViewSchema,
}) satisfies z.ZodType<UpsertResult<CompanyView>>;
export class CompanyUpsertResultDto extends createZodDto(CompanyUpsertResultSchema) {}

export const CustomerUpsertResultSchema = z.object({
  created: z.boolean(),
  item: CustomerViewSchema,
}) satisfies z.ZodType<UpsertResult<CustomerView>>;
export class CustomerUpsertResultDto extends createZodDto(CustomerUpsertResultSchema) {}

export const CompanyPageSchema = z.object({
  items: z.array(CompanyViewSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<CompanyPage>;
export class CompanyPageDto extends createZodDto(CompanyPageSchema) {}

export const CustomerPageSchema = z.object({
  items: z.array(CustomerViewSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<CustomerPage>;
export class CustomerPageDto extends createZodDto(CustomerPageSchema) {}

export const CompanyDetailSchema = CompanyViewSchema.extend({
  customers: z.array(CustomerViewSchema),
  requested: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.string(),
      voteCount: z.number().int(),
      authorId: z.string(),
    }),
  ),
  votedOn: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.string(),
      voteCount: z.number().int(),
      voterIds: z.array(z.string()),
    }),
  ),
}) satisfies z.ZodType<CompanyDetail>;
export class CompanyDetailDto extends createZodDto(CompanyDetailSchema) {}

export const ImportRowErrorSchema = z.object({
  row: z.number().int().describe('1-based data row; the header is not counted'),
  field: z.string().nullable().describe('The CSV column at fault'),
  message: z.string(),
}) satisfies z.ZodType<ImportRowError>;

export const ImportReportSchema = z.object({
  kind: z.enum(['customers', 'companies']),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportRowErrorSchema),
}) satisfies z.ZodType<ImportReport>;
export class ImportReportDto extends createZodDto(ImportReportSchema) {}
