import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';
import type { CompanyDetail, CompanyPage, CompanyView, UpsertResult } from '@chorus/domain';

describe('companies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const put = (externalId: string, body: unknown, token?: string) =>
    app.request<UpsertResult<CompanyView>>('PUT', `/api/v1/companies/${externalId}`, {
      body,
      token,
    });

  it('creates a company with 201, then updates only what changed with 200', async () => {
    const created = await put('acme-1', {
      name: 'Acme Inc',
      domain: 'ACME.example',
      plan: 'pro',
      mrrCents: 123_450,
      attributes: { seats: 40, region: 'eu' },
    });
    expect(created.status).toBe(201);
    expect(created.body.item.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toEqual({
      created: true,
      item: {
        id: created.body.item.id,
        externalId: 'acme-1',
        name: 'Acme Inc',
        domain: 'acme.example',
        plan: 'pro',
        mrrCents: 123_450,
        segment: null,
        attributes: { seats: 40, region: 'eu' },
        customerCount: 0,
      },
    });
    expect(created.headers.get('location')).toBe(`/api/v1/companies/${created.body.item.id}`);

    const updated = await put('acme-1', { name: 'Acme Inc', mrrCents: 200_000, segment: 'SMB' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      created: false,
      item: {
        id: created.body.item.id,
        name: 'Acme Inc',
        plan: 'pro',
        mrrCents: 200_000,
        segment: 'SMB',
      },
    });
    const again = await put('acme-1', { mrrCents: 200_000 });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    // Postgres keeps jsonb keys in its own order: the same attributes in any order are no change.
    const reordered = await put('acme-1', { attributes: { region: 'eu', seats: 40 } });
    expect(reordered.body.item.attributes).toEqual({ seats: 40, region: 'eu' });

    const events = await app.db.dataSource.query<{ type: string; data: unknown }[]>(
      `SELECT type, data FROM events WHERE stream_id = $1 ORDER BY version`,
      [`company-${created.body.item.id}`],
    );
    expect(events.map((e) => e.type)).toEqual(['CompanyCreated', 'CompanyUpdated']);
    expect(events[1]!.data).toEqual({
      companyId: created.body.item.id,
      mrrCents: 200_000,
      segment: 'SMB',
    });
  });

  it('names the invalid field in a problem+json answer', async () => {
    const negative = await app.request<ProblemDetails>('PUT', '/api/v1/companies/bad-1', {
      body: { mrrCents: -5, domain: 'not a domain', extra: true },
    });
    expect(negative.status).toBe(400);
    expect(negative.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(negative.body.errors?.map((e) => e.field).sort()).toEqual([
      '(body)',
      'domain',
      'mrrCents',
    ]);
    expect(negative.body.errors?.find((e) => e.field === 'mrrCents')?.message).toMatch(/negative/);
    const fraction = await app.request<ProblemDetails>('PUT', '/api/v1/companies/bad-1', {
      body: { mrrCents: 12.5 },
    });
    expect(fraction.status).toBe(400);
    expect(fraction.body.errors?.[0]?.field).toBe('mrrCents');
    const longId = await app.request<ProblemDetails>(
      'PUT',
      `/api/v1/companies/${'x'.repeat(201)}`,
      {
        body: {},
      },
    );
    expect(longId.status).toBe(400);
    expect(longId.body.errors?.[0]?.field).toBe('externalId');
  });

  it('is for teammates only: a customer gets 403, reads included', async () => {
    const write = await put('acme-1', { name: 'Hijacked' }, app.tokens.customer);
    expect(write.status).toBe(403);
    const list = await app.request('GET', '/api/v1/companies', { token: app.tokens.customer });
    expect(list.status).toBe(403);
    const teammate = await put('teammate-co', { name: 'By Tom' }, app.tokens.teammate);
    expect(teammate.status).toBe(201);
  });

  it('lists companies by name with keyset pages and a search over name and domain', async () => {
    for (const [id, name, domain] of [
      ['b-1', 'Bravo', 'bravo.example'],
      ['c-1', 'Charlie', 'charlie.example'],
      ['d-1', 'Delta 100%', null],
      ['e-1', 'Echo', 'echo-widgets.example'],
    ] as const) {
      expect((await put(id, { name, domain })).status).toBe(201);
    }
    await app.settle();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: CompanyPage } = await app.request<CompanyPage>(
        'GET',
        `/api/v1/companies?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c) => c.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Acme Inc', 'Bravo', 'By Tom', 'Charlie', 'Delta 100%', 'Echo']);

    const byDomain = await app.request<CompanyPage>('GET', '/api/v1/companies?q=WIDGETS');
    expect(byDomain.body.items.map((c) => c.externalId)).toEqual(['e-1']);
    const literal = await app.request<CompanyPage>('GET', '/api/v1/companies?q=100%25');
    expect(literal.body.items.map((c) => c.externalId)).toEqual(['d-1']);
    const percentOnly = await app.request<CompanyPage>('GET', '/api/v1/companies?q=%25');
    expect(percentOnly.body.items.map((c) => c.externalId)).toEqual(['d-1']);

    const bad = await app.request<ProblemDetails>('GET', '/api/v1/companies?cursor=nope&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['limit']);
    const badCursor = await app.request<ProblemDetails>('GET', '/api/v1/companies?cursor=nope');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors?.map((e) => e.field)).toEqual(['cursor']);
  });

  it('keeps each workspace to its own companies', async () => {
    const { body } = await put('acme-1', {});
    await app.settle();
    const outsider = app.tokens.outsider;
    const detail = await app.request<ProblemDetails>('GET', `/api/v1/companies/${body.item.id}`, {
      token: outsider,
    });
    expect(detail.status).toBe(404);
    expect(detail.headers.get('content-type')).toMatch(/problem\+json/);
    const list = await app.request<CompanyPage>('GET', '/api/v1/companies', { token: outsider });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    // The same external id in another workspace is another company.
    const theirs = await put('acme-1', { name: 'Globex Acme' }, outsider);
    expect(theirs.status).toBe(201);
    expect(theirs.body.item.id).not.toBe(body.item.id);
    const mine = await app.request<CompanyDetail>('GET', `/api/v1/companies/${body.item.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.name).toBe('Acme Inc');
  });
});
