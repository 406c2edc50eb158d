import type { EntityManager } from 'typeorm';
import { definedFields, personalData, type CompanyEvent, type CustomerEvent } from '@chorus/domain';
import type { StoredEvent } from '@chorus/event-store';

type CustomerRecord = {
  customer_id: string;
  workspace_id: string;
  external_id: string;
  email: string | null;
  name: string;
  company_id: string | null;
};
type CompanyRecord = {
  company_id: string;
  workspace_id: string;
  external_id: string;
  name: string;
  domain: string | null;
  plan: string | null;
  mrr_cents: string | number;
  segment: string | null;
  attributes: Record<string, unknown>;
};

/** Whose contribution to revenue may have changed in a batch. */
export type RevenueMoves = { customers: Set<string>; companies: Set<string> };

/**
 * End users and companies (`customers`, `companies`), and the company on their standing ballots.
 * Returns the customers who joined, left or changed company, and the companies whose MRR moved.
 */
export const applyCustomers = async (
  tx: EntityManager,
  events: readonly StoredEvent[],
): Promise<RevenueMoves> => {
  const customerEvents = events.filter(
    (e) =>
      e.type === 'CustomerCreated' || e.type === 'CustomerUpdated' || e.type === 'CustomerErased',
  ) as unknown as (StoredEvent & CustomerEvent)[];
  const companyEvents = events.filter(
    (e) => e.type === 'CompanyCreated' || e.type === 'CompanyUpdated',
  ) as unknown as (StoredEvent & CompanyEvent)[];
  const affectedCustomers = new Set<string>();
  const mrrMoved = new Set<string>();

  if (companyEvents.length > 0) {
    const ids = [...new Set(companyEvents.map((e) => e.data.companyId))];
    const rows = await tx.query<CompanyRecord[]>(
      `SELECT * FROM companies WHERE company_id = ANY($1::uuid[])`,
      [ids],
    );
    const companies = new Map(rows.map((r) => [r.company_id, r]));
    for (const event of companyEvents) {
      const before = companies.get(event.data.companyId);
      if (event.type === 'CompanyCreated') {
        const d = event.data;
        companies.set(d.companyId, {
          company_id: d.companyId,
          workspace_id: event.workspaceId,
          external_id: d.externalId,
          name: d.name,
          domain: d.domain,
          plan: d.plan,
          mrr_cents: d.mrrCents,
          segment: d.segment,
          attributes: d.attributes,
        });
        mrrMoved.add(d.companyId);
      } else if (before) {
        const { companyId: _id, mrrCents, ...rest } = event.data;
        companies.set(before.company_id, {
          ...before,
          ...definedFields(rest),
          mrr_cents: mrrCents ?? before.mrr_cents,
        });
        if (mrrCents !== undefined) mrrMoved.add(before.company_id);
      }
    }
    await tx.query(
      `INSERT INTO companies AS c (company_id, workspace_id, external_id, name, domain, plan, mrr_cents, segment, attributes)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(company_id uuid, workspace_id uuid,
         external_id text, name text, domain text, plan text, mrr_cents bigint, segment text, attributes jsonb)
       ON CONFLICT (company_id) DO UPDATE SET name = EXCLUDED.name, domain = EXCLUDED.domain,
         plan = EXCLUDED.plan, mrr_cents = EXCLUDED.mrr_cents, segment = EXCLUDED.segment,
         attributes = EXCLUDED.attributes`,
      [JSON.stringify([...companies.values()])],
    );
  }

  if (customerEvents.length > 0) {
    const ids = [...new Set(customerEvents.map((e) => e.data.customerId))];
    const rows = await tx.query<CustomerRecord[]>(
      `SELECT * FROM customers WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    const customers = new Map(rows.map((r) => [r.customer_id, r]));
    for (const event of customerEvents) {
      const before = customers.get(event.data.customerId);
      if (event.type === 'CustomerCreated') {
        const d = event.data;
        customers.set(d.customerId, {
          customer_id: d.customerId,
          workspace_id: event.workspaceId,
          external_id: d.externalId,
          email: d.email,
          name: d.name,
          company_id: d.companyId,
        });
        affectedCustomers.add(d.customerId);
      } else if (before && event.type === 'CustomerErased') {
        // What the customer's events read as now that their key is gone.
        const erased = personalData.CustomerCreated!.erased(event.data);
        customers.set(before.customer_id, {
          ...before,
          external_id: String(erased.externalId),
          email: null,
          name: String(erased.name),
        });
      } else if (before && event.type === 'CustomerUpdated') {
        const { customerId: _id, companyId, ...rest } = event.data;
        customers.set(before.customer_id, {
          ...before,
          ...definedFields(rest),
          company_id: companyId === undefined ? before.company_id : companyId,
        });
        if (companyId !== undefined) affectedCustomers.add(before.customer_id);
      }
    }
    await tx.query(
      `INSERT INTO customers (customer_id, workspace_id, external_id, email, name, company_id)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(customer_id uuid, workspace_id uuid,
         external_id text, email text, name text, company_id uuid)
       ON CONFLICT (customer_id) DO UPDATE SET external_id = EXCLUDED.external_id,
         email = EXCLUDED.email, name = EXCLUDED.name, company_id = EXCLUDED.company_id`,
      [JSON.stringify([...customers.values()])],
    );
    if (affectedCustomers.size > 0) {
      await tx.query(
        `UPDATE feedback_ballots b SET company_id = cu.company_id FROM customers cu
         WHERE cu.customer_id = ANY($1::uuid[]) AND b.voter_id = cu.customer_id::text
           AND b.company_id IS DISTINCT FROM cu.company_id`,
        [[...affectedCustomers]],
      );
    }
  }
  return { customers: affectedCustomers, companies: mrrMoved };
};
