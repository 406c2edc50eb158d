import { randomUUID } from 'node:crypto';
import type { ApiKeyList, ApiKeyView, CreatedApiKey } from '@chorus/domain';
import { startTestApp, type TestApp } from '../testing/test-app';

type Problem = { detail: string; errors?: { field: string }[] };

describe('API keys', () => {
  let app: TestApp;
  const create = (body: unknown, token?: string) =>
    app.request<CreatedApiKey & Problem>('POST', '/api/v1/api-keys', { body, token });
  const created = async (name: string, scopes: string[], expiresAt?: string) => {
    const response = await create({ name, scopes, expiresAt });
    expect(response.status).toBe(201);
    return response.body;
  };
  const withKey = (key: string) => ({ token: key });

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('shows a new key once, and lists it only by its first characters', async () => {
    const key = await created('Zapier sync', ['read']);
    expect(key.key).toMatch(/^chorus_key_[\w-]{43}$/);
    expect(key).toMatchObject({
      name: 'Zapier sync',
      scopes: ['read'],
      prefix: key.key.slice(0, 15),
      status: 'active',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { name: 'Ada Admin' },
    });
    const list = await app.request<ApiKeyList>('GET', '/api/v1/api-keys');
    const listed = list.body.items.find((k) => k.id === key.id);
    expect(listed).toEqual({ ...key, key: undefined });
    expect(JSON.stringify(list.body)).not.toContain(key.key);
    // Stored hashed: the secret is in no column and in no event.
    const [stored] = await app.db.dataSource.query<{ row: string }[]>(
      `SELECT row_to_json(k)::text AS row FROM api_keys k WHERE id = $1`,
      [key.id],
    );
    expect(stored?.row).not.toContain(key.key.slice(15));
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE data::text LIKE $1`,
      [`%${key.key.slice(15)}%`],
    );
    expect(count).toBe(0);
  });

  it('lets a read key read, and refuses it anything else', async () => {
    const { key } = await created('Read-only reporting', ['read']);
    expect((await app.request('GET', '/api/v1/feedback', withKey(key))).status).toBe(200);
    const submit = await app.request<Problem>('POST', '/api/v1/feedback', {
      ...withKey(key),
      body: { title: 'From a read key' },
    });
    expect(submit.status).toBe(403);
    expect(submit.body.detail).toMatch(/scopes \(read\) do not allow feedback\.participate/);
    expect((await app.request('GET', '/api/v1/api-keys', withKey(key))).status).toBe(403);
  });

  it('lets a write key change things, in its own name, but not what only admins may', async () => {
    const { key, id } = await created('CRM import', ['write']);
    const submitted = await app.request<{ id: string; authorId: string }>(
      'POST',
      '/api/v1/feedback',
      {
        ...withKey(key),
        body: { title: 'Synced from the CRM' },
      },
    );
    expect(submitted.status).toBe(201);
    const [event] = await app.db.dataSource.query<{ actor: string }[]>(
      `SELECT metadata->>'actorId' AS actor FROM events WHERE stream_id = $1`,
      [`feedback-${submitted.body.id}`],
    );
    expect(event?.actor).toBe(id);
    expect(
      (await app.request('POST', '/api/v1/api-keys', { ...withKey(key), body: {} })).status,
    ).toBe(403);
    const { key: adminKey } = await created('Provisioning', ['admin']);
    expect((await app.request('GET', '/api/v1/api-keys', withKey(adminKey))).status).toBe(200);
  });

  it('records when a key was last used', async () => {
    const { key, id } = await created('Nightly export', ['read']);
    await app.request('GET', '/api/v1/feedback', withKey(key));
    const list = await app.request<ApiKeyList>('GET', '/api/v1/api-keys');
    expect(list.body.items.find((k) => k.id === id)?.lastUsedAt).toEqual(expect.any(String));
  });

  it('stops a revoked key at once, and revoking again changes nothing', async () => {
    const { key, id } = await created('Old integration', ['read']);
    expect((await app.request('GET', '/api/v1/feedback', withKey(key))).status).toBe(200);
    const revoked = await app.request<ApiKeyView>('DELETE', `/api/v1/api-keys/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await app.request<Problem>('GET', '/api/v1/feedback', withKey(key));
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('This API key was revoked.');
    const again = await app.request<ApiKeyView>('DELETE', `/api/v1/api-keys/${id}`);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    expect((await app.request('DELETE', `/api/v1/api-keys/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses an expired key', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const { key, id } = await created('Short-lived', ['read'], inAnHour);
    // Time passing, without waiting for it: the key's expiry moves into the past.
    await app.db.dataSource.query(
      `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const refused = await app.request<Problem>('GET', '/api/v1/feedback', withKey(key));
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/^This API key expired at \d{4}-/);
    const list = await app.request<ApiKeyList>('GET', '/api/v1/api-keys');
    expect(list.body.items.find((k) => k.id === id)?.status).toBe('expired');
  });

  it('names the field at fault', async () => {
    const cases: [unknown, string, number][] = [
      [{ name: 'x', scopes: ['root'] }, 'scopes.0', 400],
      [{ name: 'x', scopes: [] }, 'scopes', 422],
      [{ name: ' ', scopes: ['read'] }, 'name', 422],
      [{ name: 'x', scopes: ['read'], expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt', 422],
      [{ name: 'Zapier sync', scopes: ['read'] }, 'name', 422],
    ];
    for (const [body, field, status] of cases) {
      const response = await create(body);
      expect([response.status, response.body.errors?.map((e) => e.field)]).toEqual([
        status,
        [field],
      ]);
    }
  });

  it('is for admins only', async () => {
    for (const token of [app.tokens.productManager, app.tokens.teammate, app.tokens.customer]) {
      expect((await app.request('GET', '/api/v1/api-keys', { token })).status).toBe(403);
      expect((await create({ name: 'Mine', scopes: ['admin'] }, token)).status).toBe(403);
    }
  });
});
