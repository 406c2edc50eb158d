// End users and companies, upserted by external id, and the company page.

export type CompanyInput = {
  externalId: string;
  name?: string;
  domain?: string | null;
  plan?: string | null;
  /** Monthly recurring revenue in cents. */
  mrrCents?: number;
  segment?: string | null;
  attributes?: Record<string, string | number | boolean>;
};
export type CustomerInput = {
  externalId: string;
  email?: string | null;
  name?: string;
  /** The company's external id; the company must exist. */
  companyExternalId?: string | null;
};

export type CompanyView = {
  id: string;
  externalId: string;
  name: string;
  domain: string | null;
  plan: string | null;
  mrrCents: number;
  segment: string | null;
  attributes: Record<string, string | number | boolean>;
  customerCount: number;
};
export type CustomerView = {
  id: string;
  externalId: string;
  email: string | null;
  name: string;
  companyId: string | null;
};
export type UpsertResult<T> = { created: boolean; item: T };
export type CompanyPage = { items: CompanyView[]; nextCursor: string | null };
export type CustomerPage = { items: CustomerView[]; nextCursor: string | null };

/** The company page: its people, what they asked for and voted on, and what it is worth. */
export type CompanyDetail = CompanyView & {
  customers: CustomerView[];
  requested: { id: string; title: string; status: string; voteCount: number; authorId: string }[];
  votedOn: { id: string; title: string; status: string; voteCount: number; voterIds: string[] }[];
};

export type ImportKind = 'customers' | 'companies';
export type ImportRowError = { row: number; field: string | null; message: string };
/** A CSV import: valid rows land, each whole; invalid rows are listed and change nothing. */
export type ImportReport = {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
};
