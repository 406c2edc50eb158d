import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const ExternalId = z
  .string()
  .trim()
  .min(1, 'External id must not be empty.')
  .max(200, 'External id must be at most 200 characters.');
export const PersonName = z.string().trim().max(200, 'Name must be at most 200 characters.');
export const CustomerEmail = z.email('Email must be a valid address.').max(320);
export const CompanyName = z
  .string()
  .trim()
  .min(1, 'Company name must not be empty.')
  .max(200, 'Company name must be at most 200 characters.');
export const CompanyDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'Domain must look like example.com.');
export const Plan = z.string().trim().max(60, 'Plan must be at most 60 characters.');
export const Segment = z.string().trim().max(60, 'Segment must be at most 60 characters.');
/** Monthly recurring revenue in cents, so sums are exact. */
export const MrrCents = z
  .number()
  .int('MRR must be a whole number of cents.')
  .min(0, 'MRR cannot be negative.')
  .max(1e13, 'MRR is too large.');
export const CompanyAttributes = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'Attribute names are letters, digits and _.'),
  z.union([z.string().max(500), z.number(), z.boolean()]),
);

const customerFields = {
  externalId: ExternalId,
  email: CustomerEmail.nullable(),
  name: PersonName,
  companyId: z.uuid().nullable(),
};
export const CustomerCreatedV1 = defineEvent(
  'CustomerCreated',
  1,
  z.object({ customerId: z.uuid(), ...customerFields }),
);
export const CustomerUpdatedV1 = defineEvent(
  'CustomerUpdated',
  1,
  z.object({
    customerId: z.uuid(),
    email: customerFields.email.optional(),
    name: customerFields.name.optional(),
    companyId: customerFields.companyId.optional(),
  }),
);
const companyFields = {
  externalId: ExternalId,
  name: CompanyName,
  domain: CompanyDomain.nullable(),
  plan: Plan.nullable(),
  mrrCents: MrrCents,
  segment: Segment.nullable(),
  attributes: CompanyAttributes,
};
export const CompanyCreatedV1 = defineEvent(
  'CompanyCreated',
  1,
  z.object({ companyId: z.uuid(), ...companyFields }),
);
export const CompanyUpdatedV1 = defineEvent(
  'CompanyUpdated',
  1,
  z.object({
    companyId: z.uuid(),
    name: companyFields.name.optional(),
    domain: companyFields.domain.optional(),
    plan: companyFields.plan.optional(),
    mrrCents: companyFields.mrrCents.optional(),
    segment: companyFields.segment.optional(),
    attributes: companyFields.attributes.optional(),
  }),
);

/**
 * A customer was erased (GDPR): their key is destroyed, so their name, email and external id
 * read as erased everywhere from now on. Their votes and feedback still count.
 */
export const CustomerErasedV1 = defineEvent(
  'CustomerErased',
  1,
  z.object({ customerId: z.uuid(), erasedBy: z.string().min(1) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type CustomerEvent =
  | { type: 'CustomerCreated'; data: DataOf<typeof CustomerCreatedV1> }
  | { type: 'CustomerUpdated'; data: DataOf<typeof CustomerUpdatedV1> }
  | { type: 'CustomerErased'; data: DataOf<typeof CustomerErasedV1> };
export type CompanyEvent =
  | { type: 'CompanyCreated'; data: DataOf<typeof CompanyCreatedV1> }
  | { type: 'CompanyUpdated'; data: DataOf<typeof CompanyUpdatedV1> };

export const customerEventDefinitions = [
  CustomerCreatedV1,
  CustomerUpdatedV1,
  CustomerErasedV1,
  CompanyCreatedV1,
  CompanyUpdatedV1,
];
