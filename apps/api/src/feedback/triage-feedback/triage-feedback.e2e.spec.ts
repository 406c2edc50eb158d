import { startTestApp, type TestApp } from '../../testing/test-app';
import type { FeedbackItem, FeedbackPage } from '@chorus/domain';
import type { ProblemDetails } from '../../platform/problem-details';

describe('triage: tags, moderation, spam, customers on behalf, filters and sorts', () => {
  let app: TestApp;
  const submit = async (body: Record<string, unknown>, token = app.tokens.admin) =>
    app.request<{ id: string; moderation: string; authorId: string; source: string }>(
      'POST',
      '/api/v1/feedback',
      { body, token },
    );
  const list = async (query: string, token = app.tokens.admin) => {
    await app.settle();
    return app.request<FeedbackPage>('GET', `/api/v1/feedback?limit=100&${query}`, { token });
  };
  const ids = (page: { body: FeedbackPage }) => page.body.items.map((i) => i.id);

  beforeAll(async () => {
    app = await startTestApp();
    await app.request('POST', '/api/v1/catalog/boards', {
      body: { id: 'mobile', name: 'Mobile', requiresApproval: true },
    });
    await app.request('POST', '/api/v1/catalog/boards', {
      body: { id: 'security', name: 'Security', visibility: 'private' },
    });
    await app.request('POST', '/api/v1/catalog/tags', {
      body: { id: 'ux', name: 'UX', colour: '#8b5cf6' },
    });
  });
  afterAll(() => app.close());

  it('tags and untags, filters by tag, and refuses unknown tags and customers', async () => {
    const { id } = (await submit({ title: 'Bulk edit tags' })).body;
    expect((await app.request('PUT', `/api/v1/feedback/${id}/tags/ux`)).status).toBe(200);
    expect(ids(await list('tagId=ux'))).toEqual([id]);
    const unknown = await app.request<ProblemDetails>('PUT', `/api/v1/feedback/${id}/tags/nope`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.[0]?.field).toBe('tagId');
    const customer = await app.request('PUT', `/api/v1/feedback/${id}/tags/ux`, {
      token: app.tokens.customer,
    });
    expect(customer.status).toBe(403);
    await app.request('DELETE', `/api/v1/feedback/${id}/tags/ux`);
    expect(ids(await list('tagId=ux'))).toEqual([]);
  });

  it("files feedback under its board's categories and filters by them", async () => {
    const created = await app.request<{ boards: { id: string; categories: { id: string }[] }[] }>(
      'POST',
      '/api/v1/catalog/boards/general/categories',
      { body: { id: 'reporting', name: 'Reporting' } },
    );
    expect(created.status).toBe(201);
    expect(created.body.boards.find((b) => b.id === 'general')?.categories).toEqual([
      { id: 'reporting', name: 'Reporting' },
    ]);
    const inCategory = (await submit({ title: 'Scheduled reports', categoryId: 'reporting' })).body;
    const other = (await submit({ title: 'Saved filters' })).body.id;
    expect(ids(await list('categoryId=reporting'))).toEqual([inCategory.id]);
    expect(
      (
        await app.request('PUT', `/api/v1/feedback/${other}/category`, {
          body: { categoryId: 'reporting' },
        })
      ).status,
    ).toBe(200);
    expect(ids(await list('categoryId=reporting')).sort()).toEqual([inCategory.id, other].sort());
    const wrong = await app.request<ProblemDetails>('PUT', `/api/v1/feedback/${other}/category`, {
      body: { categoryId: 'billing' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors?.[0]?.field).toBe('categoryId');
    const badSubmit = await submit({ title: 'Nowhere', categoryId: 'billing' });
    expect(badSubmit.status).toBe(422);
    // Moving to a board without that category takes it out of the category.
    await app.settle();
    const item = await app.request<FeedbackItem>('GET', `/api/v1/feedback/${other}`);
    await app.request('PATCH', `/api/v1/feedback/${other}`, {
      body: { boardId: 'security' },
      headers: { 'if-match': item.headers.get('etag')! },
    });
    await app.settle();
    expect(
      (await app.request<FeedbackItem>('GET', `/api/v1/feedback/${other}`)).body,
    ).toMatchObject({
      boardId: 'security',
      categoryId: null,
    });
  });

  it('holds customer posts on a moderated board until a teammate approves them', async () => {
    const posted = await submit({ title: 'Offline mode', boardId: 'mobile' }, app.tokens.customer);
    expect(posted.body.moderation).toBe('pending');
    const { id } = posted.body;
    expect(ids(await list('boardId=mobile'))).toEqual([]);
    expect(ids(await list('view=pending'))).toEqual([id]);
    expect(
      (await app.request('GET', `/api/v1/feedback/${id}`, { token: app.tokens.otherCustomer }))
        .status,
    ).toBe(404);
    expect(
      (await app.request('GET', `/api/v1/feedback/${id}`, { token: app.tokens.customer })).status,
    ).toBe(200);
    const forbidden = await list('view=pending', app.tokens.customer);
    expect(forbidden.status).toBe(400);

    expect((await app.request('POST', `/api/v1/feedback/${id}/approve`)).status).toBe(200);
    expect(ids(await list('boardId=mobile'))).toEqual([id]);
    const late = await app.request<ProblemDetails>('POST', `/api/v1/feedback/${id}/reject`, {
      body: {},
    });
    expect(late.status).toBe(422);

    const second = await submit({ title: 'Tablet layout', boardId: 'mobile' }, app.tokens.customer);
    const rejected = await app.request('POST', `/api/v1/feedback/${second.body.id}/reject`, {
      body: { reason: 'Not something we will build' },
    });
    expect(rejected.status).toBe(200);
    expect(ids(await list('view=pending'))).toEqual([]);
  });

  it('keeps private boards and spam away from customers', async () => {
    const refused = await submit(
      { title: 'Pen test findings', boardId: 'security' },
      app.tokens.customer,
    );
    expect(refused.status).toBe(422);
    const internal = (await submit({ title: 'Pen test findings', boardId: 'security' })).body.id;
    const spam = (await submit({ title: 'Cheap followers!!!' }, app.tokens.otherCustomer)).body.id;
    expect((await app.request('PUT', `/api/v1/feedback/${spam}/spam`)).status).toBe(200);

    const seenByCustomer = ids(await list('', app.tokens.customer));
    expect(seenByCustomer).not.toContain(internal);
    expect(seenByCustomer).not.toContain(spam);
    expect(ids(await list(''))).toContain(internal);
    expect(ids(await list(''))).not.toContain(spam);
    expect(ids(await list('view=spam'))).toEqual([spam]);
    expect(
      (await app.request('GET', `/api/v1/feedback/${internal}`, { token: app.tokens.customer }))
        .status,
    ).toBe(404);

    await app.request('DELETE', `/api/v1/feedback/${spam}/spam`);
    expect(ids(await list(''))).toContain(spam);
  });

  it('captures feedback and votes for customers, and sorts and filters by their companies', async () => {
    await app.request('PUT', '/api/v1/companies/acme', {
      body: { name: 'Acme', plan: 'enterprise', segment: 'Enterprise', mrrCents: 900_000 },
    });
    await app.request('PUT', '/api/v1/companies/tiny', {
      body: { name: 'Tiny', plan: 'starter', segment: 'SMB', mrrCents: 4_900 },
    });
    await app.request('PUT', '/api/v1/customers/u-ann', {
      body: { name: 'Ann', email: 'ann@acme.test', companyExternalId: 'acme' },
    });
    await app.request('PUT', '/api/v1/customers/u-bob', {
      body: { name: 'Bob', email: 'bob@tiny.test', companyExternalId: 'tiny' },
    });
    await app.request('PUT', '/api/v1/customers/u-cat', {
      body: { name: 'Cat', email: 'cat@acme.test', companyExternalId: 'acme' },
    });
    const captured = await submit({
      title: 'SAML single sign-on',
      onBehalfOf: {
        customerExternalId: 'u-ann',
        source: 'sales_call',
        quote: 'We cannot buy without SSO.',
      },
    });
    expect(captured.status).toBe(201);
    expect(captured.body.source).toBe('sales_call');
    const sso = captured.body.id;
    const small = (await submit({ title: 'Emoji reactions' })).body.id;
    const byCustomer = (externalId: string, id: string) =>
      app.request('POST', `/api/v1/feedback/${id}/votes`, {
        body: { onBehalfOf: { customerExternalId: externalId, source: 'support_ticket' } },
      });
    await byCustomer('u-ann', sso);
    await byCustomer('u-cat', sso);
    await byCustomer('u-bob', small);
    await byCustomer('u-bob', sso);
    const unknown = await byCustomer('u-nobody', sso);
    expect(unknown.status).toBe(400);
    expect((unknown.body as ProblemDetails).errors?.[0]?.field).toBe(
      'onBehalfOf.customerExternalId',
    );
    const forbidden = await app.request('POST', `/api/v1/feedback/${sso}/votes`, {
      body: { onBehalfOf: { customerExternalId: 'u-ann', source: 'email' } },
      token: app.tokens.customer,
    });
    expect(forbidden.status).toBe(403);

    const byRevenue = (await list('sort=revenue')).body.items;
    const top = byRevenue[0]!;
    expect(top).toMatchObject({
      id: sso,
      voteCount: 3,
      revenueCents: 904_900,
      quote: 'We cannot buy without SSO.',
    });
    expect(byRevenue.find((i) => i.id === small)?.revenueCents).toBe(4_900);

    expect(ids(await list('segment=Enterprise'))).toEqual([sso]);
    expect(ids(await list('plan=starter')).sort()).toEqual([small, sso].sort());
    expect(ids(await list('source=sales_call'))).toEqual([sso]);
    const company = (
      await app.request<{ items: { id: string; name: string }[] }>(
        'GET',
        '/api/v1/companies?q=acme',
      )
    ).body.items[0]!;
    expect(ids(await list(`companyId=${company.id}`))).toEqual([sso]);

    // Acme grows: every item its people voted for is worth more.
    await app.request('PUT', '/api/v1/companies/acme', { body: { mrrCents: 1_000_000 } });
    await app.settle();
    const grown = (await app.request<FeedbackItem>('GET', `/api/v1/feedback/${sso}`)).body;
    expect(grown.revenueCents).toBe(1_004_900);

    const trending = (await list('sort=trending')).body.items;
    expect(trending[0]).toMatchObject({ id: sso, recentVotes: 3 });
  });

  it('finds unanswered feedback until a teammate answers publicly or moves it', async () => {
    const { id } = (await submit({ title: 'Answer me' }, app.tokens.customer)).body;
    expect(ids(await list('unanswered=true'))).toContain(id);
    await app.request('POST', `/api/v1/feedback/${id}/comments`, {
      body: { body: 'Internal note', visibility: 'internal' },
    });
    expect(ids(await list('unanswered=true'))).toContain(id);
    await app.request('POST', `/api/v1/feedback/${id}/comments`, {
      body: { body: 'Thanks, looking into it' },
    });
    expect(ids(await list('unanswered=true'))).not.toContain(id);
  });

  it('rejects filters it does not know, naming the field', async () => {
    const response = await app.request<ProblemDetails>('GET', '/api/v1/feedback?sort=loudest');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.field).toBe('sort');
    const bad = await app.request<ProblemDetails>('GET', '/api/v1/feedback?companyId=acme');
    expect(bad.body.errors?.[0]?.field).toBe('companyId');
  });
});
