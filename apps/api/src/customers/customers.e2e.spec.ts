import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';
import type { CompanyView, CustomerPage, CustomerView, UpsertResult } from '@chorus/domain';

describe('customers', () => {
  let app: TestApp;
  let company: CompanyView;
  beforeAll(async () => {
    app = await startTestApp();
    company = (
      await app.request<UpsertResult<CompanyView>>('PUT', '/api/v1/companies/initech', {
        body: { name: 'Initech', mrrCents: 99_00 },
      })
    ).body.item;
  });
  afterAll(() => app.close());

  const put = (externalId: string, body: unknown, token?: string) =>
    app.request<UpsertResult<CustomerView>>('PUT', `/api/v1/customers/${externalId}`, {
      body,
      token,
    });

  it('refuses a company that does not exist with a 422 naming companyExternalId', async () => {
    const response = await app.request<ProblemDetails>('PUT', '/api/v1/customers/u-404', {
      body: { name: 'Nobody', companyExternalId: 'no-such-company' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors?.map((e) => e.field)).toEqual(['companyExternalId']);
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE type = 'CustomerCreated'`,
    );
    expect(count).toBe(0);
  });

  it('creates a customer of a company with 201, updates with 200 and detaches with null', async () => {
    const created = await put('u-1', {
      name: 'Peter Gibbons',
      email: 'peter@initech.example',
      companyExternalId: 'initech',
    });
    expect(created.status).toBe(201);
    expect(created.body.item.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toEqual({
      created: true,
      item: {
        id: created.body.item.id,
        externalId: 'u-1',
        name: 'Peter Gibbons',
        email: 'peter@initech.example',
        companyId: company.id,
      },
    });
    const renamed = await put('u-1', { name: 'Peter G.' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.item).toMatchObject({ name: 'Peter G.', companyId: company.id });
    const detached = await put('u-1', { companyExternalId: null });
    expect(detached.body.item.companyId).toBeNull();
    await put('u-1', { companyExternalId: 'initech' });
  });

  it('validates the body by field and is for teammates only', async () => {
    const bad = await app.request<ProblemDetails>('PUT', '/api/v1/customers/u-2', {
      body: { email: 'not-an-email', name: 'x'.repeat(201) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['email', 'name']);
    expect((await put('u-2', { name: 'Me' }, app.tokens.customer)).status).toBe(403);
    expect(
      (await app.request('GET', '/api/v1/customers', { token: app.tokens.customer })).status,
    ).toBe(403);
  });

  it('creates a customer exactly once when upserts of one external id race', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put('racer', { name: `Racer ${i % 2}`, companyExternalId: 'initech' }),
      ),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.item.id)).size).toBe(1);
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE type = 'CustomerCreated' AND stream_id = $1`,
      [`customer-${results[0]!.body.item.id}`],
    );
    expect(count).toBe(1);
  });

  it('lists customers, filtered by company and searched by name, email or external id', async () => {
    await put('u-3', {
      name: 'Samir',
      email: 'samir@initech.example',
      companyExternalId: 'initech',
    });
    await put('u-4', { name: 'Milton', email: 'milton@elsewhere.example' });
    await app.settle();
    const all = await app.request<CustomerPage>('GET', '/api/v1/customers?limit=100');
    expect(all.status).toBe(200);
    expect(all.body.items.map((c) => c.externalId).sort()).toEqual(['racer', 'u-1', 'u-3', 'u-4']);
    const ofInitech = await app.request<CustomerPage>(
      `GET`,
      `/api/v1/customers?companyId=${company.id}`,
    );
    expect(ofInitech.body.items.map((c) => c.externalId).sort()).toEqual(['racer', 'u-1', 'u-3']);
    const search = await app.request<CustomerPage>('GET', '/api/v1/customers?q=ELSEWHERE');
    expect(search.body.items.map((c) => c.externalId)).toEqual(['u-4']);
    const paged = await app.request<CustomerPage>('GET', '/api/v1/customers?limit=3');
    expect(paged.body.items).toHaveLength(3);
    const rest = await app.request<CustomerPage>(
      'GET',
      `/api/v1/customers?limit=3&cursor=${paged.body.nextCursor}`,
    );
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    const outsider = await app.request<CustomerPage>('GET', '/api/v1/customers', {
      token: app.tokens.outsider,
    });
    expect(outsider.body.items).toEqual([]);
  });
});
