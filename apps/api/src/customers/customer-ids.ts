import { v5 as uuidV5 } from 'uuid';

// Fixed forever: changing either would give every existing customer or company a new stream.
const CUSTOMER_NAMESPACE = '5b0f6a47-3c1e-4d8e-9f65-2a7c1d0b9e31';
const COMPANY_NAMESPACE = 'c7e2d9a1-8b4f-4a36-b1d5-6f0e3c2a7d48';

/**
 * Customers and companies are addressed by the host application's external id. Their stream id
 * is derived from (workspace, external id), so an upsert is a decision on one stream and two
 * racing upserts of the same external id conflict instead of creating two.
 */
export const customerIdOf = (workspaceId: string, externalId: string): string =>
  uuidV5(`${workspaceId}:${externalId.trim()}`, CUSTOMER_NAMESPACE);

export const companyIdOf = (workspaceId: string, externalId: string): string =>
  uuidV5(`${workspaceId}:${externalId.trim()}`, COMPANY_NAMESPACE);
