import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('operations endpoints', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reports health with Postgres and projection lag, without a token', async () => {
    await app.request('POST', '/api/v1/feedback', { body: { title: 'Health check' } });
    await app.settle();
    const response = await app.request<{
      status: string;
      postgres: string;
      projections: { projection: string; eventsBehind: number }[];
    }>('GET', '/api/health', { token: null });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.postgres).toBe('up');
    expect(response.body.projections.map((p) => p.projection)).toEqual(
      expect.arrayContaining(['feedback_list', 'feedback_followers']),
    );
    expect(response.body.projections.every((p) => p.eventsBehind === 0)).toBe(true);
  });

  it('serves Prometheus metrics', async () => {
    await app.request('GET', '/api/v1/feedback');
    const response = await app.request<string>('GET', '/api/metrics', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toContain('chorus_http_request_duration_seconds_bucket');
    expect(response.body).toMatch(/chorus_projection_lag_events\{projection="feedback_list"\} \d+/);
  });

  it('serves the OpenAPI document and a browsable UI', async () => {
    const document = await app.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
      {
        token: null,
      },
    );
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/feedback',
        '/api/v1/feedback/{id}',
        '/api/v1/feedback/{id}/votes',
        '/api/v1/feedback/{id}/status',
        '/api/health',
      ]),
    );
    const ui = await app.request<string>('GET', '/api/docs', { token: null });
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown routes and ids with problem+json 404s', async () => {
    const route = await app.request('GET', '/api/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.headers.get('content-type')).toMatch(/problem\+json/);
    const id = await app.request('GET', `/api/v1/feedback/${randomUUID()}`);
    expect(id.status).toBe(404);
  });

  it('tells who the token belongs to', async () => {
    const me = await app.request<{ role: string; workspace: { slug: string } }>(
      'GET',
      '/api/v1/me',
      {
        token: app.tokens.customer,
      },
    );
    expect(me.body).toMatchObject({ role: 'customer', workspace: { slug: 'acme' } });
  });
});
