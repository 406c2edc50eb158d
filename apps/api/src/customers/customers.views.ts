import type { Company, CompanyView, Customer, CustomerView } from '@chorus/domain';
import { fieldError, validationFailed } from '../platform/problem-details';

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
export const encodeNameCursor = (name: string, id: string): string =>
  Buffer.from(JSON.stringify([name, id])).toString('base64url');

export const decodeNameCursor = (encoded: string): { name: string; id: string } => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [name, id] = parsed as unknown[];
      if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
        return { name, id };
      }
    }
  } catch {
    // Falls through to the validation problem.
  }
  throw validationFailed([fieldError(['cursor'], 'This cursor is not one this list handed out.')]);
};

/** `q` as an ILIKE pattern matching anywhere, with the wildcards in it taken literally. */
export const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
