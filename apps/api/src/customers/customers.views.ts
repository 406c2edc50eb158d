import type { Company, CompanyView, Customer, CustomerView } from '@chorus/domain';
import { z } from 'zod';
import { CursorId, keysetCursor } from '../platform/keyset-cursor';

type Existing<T> = Extract<T, { exists: true }>;

export const companyViewOf = (state: Existing<Company>, customerCount: number): CompanyView => ({
  id: state.companyId,
  externalId: state.externalId,
  name: state.name,
  domain: state.domain,
  plan: state.plan,
  mrrCents: state.mrrCents,
  segment: state.segment,
  attributes: state.attributes,
  customerCount,
});

export const customerViewOf = (state: Existing<Customer>): CustomerView => ({
  id: state.customerId,
  externalId: state.externalId,
  email: state.email,
  name: state.name,
  companyId: state.companyId,
});

/** A row of the `companies` table with its customer count, as `pg` returns it. */
export type CompanyRecord = {
  company_id: string;
  external_id: string;
  name: string;
  domain: string | null;
  plan: string | null;
  /** bigint arrives as text. */
  mrr_cents: string;
  segment: string | null;
  attributes: Record<string, string | number | boolean>;
  customer_count: number;
};

export const COMPANY_SELECT = `
  SELECT c.company_id, c.external_id, c.name, c.domain, c.plan, c.mrr_cents, c.segment, c.attributes,
    (SELECT count(*)::int FROM customers p WHERE p.company_id = c.company_id) AS customer_count
  FROM companies c`;

export const companyViewFromRecord = (r: CompanyRecord): CompanyView => ({
  id: r.company_id,
  externalId: r.external_id,
  name: r.name,
  domain: r.domain,
  plan: r.plan,
  mrrCents: Number(r.mrr_cents),
  segment: r.segment,
  attributes: r.attributes,
  customerCount: r.customer_count,
});

export type CustomerRecord = {
  customer_id: string;
  external_id: string;
  email: string | null;
  name: string;
  company_id: string | null;
};

export const CUSTOMER_SELECT = `
  SELECT p.customer_id, p.external_id, p.email, p.name, p.company_id FROM customers p`;

export const customerViewFromRecord = (r: CustomerRecord): CustomerView => ({
  id: r.customer_id,
  externalId: r.external_id,
  email: r.email,
  name: r.name,
  companyId: r.company_id,
});

/** Keyset position after the last item of a page sorted by (name, id). */
export const nameCursor = keysetCursor(z.tuple([z.string(), CursorId]));

/** `q` as an ILIKE pattern matching anywhere, with the wildcards in it taken literally. */
export const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
