import { startTestApp, type TestApp } from '../../testing/test-app';
import type { ProblemDetails } from '../../platform/problem-details';

describe('POST /api/v1/feedback/:id/status', () => {
  let app: TestApp;
  let id: string;
  const move = (status: unknown, token?: string, headers?: Record<string, string>) =>
    app.request<ProblemDetails & { status: string | number; version: number }>(
      'POST',
      `/api/v1/feedback/${id}/status`,
      { body: { status }, token: token ?? app.tokens.teammate, headers },
    );

  beforeAll(async () => {
    app = await startTestApp();
    id = (await app.request<{ id: string }>('POST', '/api/v1/feedback', { body: { title: 'SSO' } }))
      .body.id;
  });
  afterAll(() => app.close());

  it('moves feedback along the workflow and bumps its version', async () => {
    const response = await move('under_review');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, status: 'under_review', version: 2 });
    expect(response.headers.get('etag')).toBe('"2"');
    await app.settle();
    const read = await app.request<{ status: string }>('GET', `/api/v1/feedback/${id}`);
    expect(read.body.status).toBe('under_review');
  });

  it('rejects an illegal move with a sentence that says why', async () => {
    const response = await move('done');
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe(
      'Feedback cannot move from under review to done: it must be in progress first.',
    );
    expect(response.body.errors?.[0]?.field).toBe('status');
  });

  it('rejects an unknown status naming the field and the choices', async () => {
    const response = await move('shipped');
    expect(response.status).toBe(422);
    expect(response.body.errors?.[0]).toMatchObject({ field: 'status' });
    expect(response.body.errors?.[0]?.message).toMatch(/open, under_review/);
  });

  it('is for teammates only', async () => {
    expect((await move('planned', app.tokens.customer)).status).toBe(403);
  });

  it('honours If-Match when one is sent', async () => {
    expect((await move('planned', undefined, { 'if-match': '"1"' })).status).toBe(412);
    expect((await move('planned', undefined, { 'if-match': '"2"' })).status).toBe(200);
  });
});
