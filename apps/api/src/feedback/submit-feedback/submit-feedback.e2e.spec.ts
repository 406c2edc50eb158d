import { startTestApp, type TestApp } from '../../testing/test-app';
import type { ProblemDetails } from '../../platform/problem-details';

type Submitted = { id: string; version: number; title: string; status: string; authorId: string };

describe('POST /api/v1/feedback', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('submits feedback and answers 201 with id, version, Location and ETag', async () => {
    const response = await app.request<Submitted>('POST', '/api/v1/feedback', {
      token: app.tokens.customer,
      body: { title: '  Export to CSV ', description: '## Why\nFinance needs it.' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      title: 'Export to CSV',
      version: 1,
      status: 'open',
      boardId: 'general',
    });
    expect(response.headers.get('location')).toBe(`/api/v1/feedback/${response.body.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
  });

  it('records the authenticated actor and request metadata on the event', async () => {
    const { body } = await app.request<Submitted>('POST', '/api/v1/feedback', {
      token: app.tokens.teammate,
      body: { title: 'Audit log' },
      headers: { 'x-correlation-id': '8a1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' },
    });
    const [event] = await app.db.dataSource.query<[{ metadata: Record<string, string> }]>(
      `SELECT metadata FROM events WHERE stream_id = $1`,
      [`feedback-${body.id}`],
    );
    expect(event.metadata).toMatchObject({
      actorId: body.authorId,
      correlationId: '8a1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    });
    expect(event.metadata.workspaceId).toEqual(expect.any(String));
    expect(event.metadata.causationId).toEqual(expect.any(String));
  });

  it('names every invalid field in a problem+json answer', async () => {
    const response = await app.request<ProblemDetails>('POST', '/api/v1/feedback', {
      body: { title: 'no', description: 'x'.repeat(20_001), boardId: 'Bad Board', extra: 1 },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe('https://chorus.dev/problems/validation');
    const fields = response.body.errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['title', 'description', 'boardId']));
    expect(response.body.errors?.find((e) => e.field === 'title')?.message).toMatch(/at least 3/);
  });

  it('says a missing title is required', async () => {
    const response = await app.request<ProblemDetails>('POST', '/api/v1/feedback', { body: {} });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'title', pointer: '#/title' }),
    ]);
  });

  it('answers malformed JSON with 400 and a body over 1 MB with 413', async () => {
    const malformed = await app.request<ProblemDetails>('POST', '/api/v1/feedback', {
      rawBody: '{"title": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/JSON/);
    const huge = await app.request<ProblemDetails>('POST', '/api/v1/feedback', {
      body: { title: 'Huge', description: 'x'.repeat(1_100_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses requests without a valid token', async () => {
    expect(
      (await app.request('POST', '/api/v1/feedback', { token: null, body: { title: 'Anon' } }))
        .status,
    ).toBe(401);
    const wrong = await app.request<ProblemDetails>('GET', '/api/v1/feedback', { token: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toMatch(/not valid/);
  });

  it('returns the first result again for a repeated Idempotency-Key, and submits once', async () => {
    const send = () =>
      app.request<Submitted>('POST', '/api/v1/feedback', {
        token: app.tokens.customer,
        body: { title: 'Slack integration' },
        headers: { 'idempotency-key': 'retry-me-1' },
      });
    const [first, second, third] = await Promise.all([send(), send(), send()]);
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(third.body.id).toBe(first.body.id);
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE type = 'FeedbackSubmitted' AND data->>'title' = 'Slack integration'`,
    );
    expect(count).toBe(1);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    const key = { 'idempotency-key': 'retry-me-2' };
    await app.request('POST', '/api/v1/feedback', { body: { title: 'First use' }, headers: key });
    const reused = await app.request<ProblemDetails>('POST', '/api/v1/feedback', {
      body: { title: 'Something else' },
      headers: key,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.detail).toMatch(/different request/);
  });
});
