import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../testing/test-app';
import type { ProblemDetails } from '../../platform/problem-details';

describe('PATCH /api/v1/feedback/:id', () => {
  let app: TestApp;
  let id: string;
  beforeAll(async () => {
    app = await startTestApp();
    const { body } = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      token: app.tokens.customer,
      body: { title: 'Calendar view' },
    });
    id = body.id;
  });
  afterAll(() => app.close());

  it('needs If-Match: without it the answer is 428', async () => {
    const response = await app.request<ProblemDetails>('PATCH', `/api/v1/feedback/${id}`, {
      token: app.tokens.customer,
      body: { title: 'Calendar view for sprints' },
    });
    expect(response.status).toBe(428);
    expect(response.body.detail).toMatch(/If-Match/);
  });

  it('applies an edit at the current version and returns the new ETag', async () => {
    const response = await app.request<{ version: number }>('PATCH', `/api/v1/feedback/${id}`, {
      token: app.tokens.customer,
      body: { title: 'Calendar view for sprints' },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(2);
    expect(response.headers.get('etag')).toBe('"2"');
    await app.settle();
    const read = await app.request<{ title: string; version: number }>(
      'GET',
      `/api/v1/feedback/${id}`,
    );
    expect(read.body).toMatchObject({ title: 'Calendar view for sprints', version: 2 });
    expect(read.headers.get('etag')).toBe('"2"');
  });

  it('refuses a stale If-Match with 412 and loses nothing', async () => {
    const stale = await app.request<ProblemDetails>('PATCH', `/api/v1/feedback/${id}`, {
      token: app.tokens.teammate,
      body: { title: 'Overwrite' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toMatch(/version 1.*version 2/);
    await app.settle();
    const read = await app.request<{ title: string }>('GET', `/api/v1/feedback/${id}`);
    expect(read.body.title).toBe('Calendar view for sprints');
  });

  it('lets exactly one of two concurrent edits at the same version win', async () => {
    const edit = (title: string) =>
      app.request('PATCH', `/api/v1/feedback/${id}`, {
        token: app.tokens.teammate,
        body: { title },
        headers: { 'if-match': '"2"' },
      });
    const statuses = (await Promise.all([edit('Left'), edit('Right')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412]);
  });

  it('forbids another customer from editing', async () => {
    const response = await app.request<ProblemDetails>('PATCH', `/api/v1/feedback/${id}`, {
      token: app.tokens.otherCustomer,
      body: { title: 'Mine now' },
      headers: { 'if-match': '"3"' },
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/author or a teammate/);
  });

  it('validates the body and the id', async () => {
    const empty = await app.request<ProblemDetails>('PATCH', `/api/v1/feedback/${id}`, {
      body: {},
      headers: { 'if-match': '"3"' },
    });
    expect(empty.status).toBe(400);
    const badId = await app.request<ProblemDetails>('PATCH', '/api/v1/feedback/not-a-uuid', {
      body: { title: 'Whatever' },
      headers: { 'if-match': '"1"' },
    });
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.[0]?.field).toBe('id');
  });

  it('answers 404 for feedback that does not exist', async () => {
    const response = await app.request('PATCH', `/api/v1/feedback/${randomUUID()}`, {
      body: { title: 'Ghost' },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(404);
  });
});
