import { SignJWT } from 'jose';
import type { Me, PortalSecret, PortalSecretStatus, WidgetToken } from '@chorus/domain';
import { customerIdOf } from '../../customers/customer-ids';
import { WIDGET_TOKEN_MINUTES } from './portal-sign-in.controller';
import { startTestApp, type TestApp } from '../../testing/test-app';

type Problem = { detail: string };

describe("signing a host application's users in to the portal", () => {
  let app: TestApp;
  let secret: string;
  let workspaceId: string;

  const sign = (claims: Record<string, unknown>, key = secret, expiresIn: string | number = '5m') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(new TextEncoder().encode(key));
  const exchange = (token: string) =>
    app.request<Me & Problem>('POST', '/api/v1/auth/portal-token', {
      token: null,
      body: { workspace: 'acme', token },
    });
  /** The session of an answer, as a browser would send it back. */
  const sessionOf = (response: { headers: Headers }) => {
    const cookies = Object.fromEntries(
      response.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]),
    );
    return {
      cookie: `chorus_session=${cookies.chorus_session}; chorus_csrf=${cookies.chorus_csrf}`,
      'x-csrf-token': cookies.chorus_csrf!,
    };
  };

  beforeAll(async () => {
    app = await startTestApp();
    const before = await app.request<PortalSecretStatus>('GET', '/api/v1/portal/secret');
    expect(before.body).toEqual({ configured: false, createdAt: null });
    const made = await app.request<PortalSecret>('POST', '/api/v1/portal/secret');
    expect(made.status).toBe(201);
    secret = made.body.secret;
    workspaceId = (await app.request<Me>('GET', '/api/v1/me')).body.workspace.id;
  });
  afterAll(() => app.close());

  it('signs a user in as themselves, with their company, and they vote as that customer', async () => {
    const token = await sign({
      id: 'user-481',
      email: 'Lena@Northwind.test',
      name: 'Lena Lindqvist',
      company: { id: 'northwind', name: 'Northwind', mrrCents: 250_000, plan: 'enterprise' },
    });
    const signedIn = await exchange(token);
    expect(signedIn.status).toBe(201);
    const customerId = customerIdOf(workspaceId, 'user-481');
    expect(signedIn.body).toMatchObject({
      id: customerId,
      role: 'customer',
      name: 'Lena Lindqvist',
    });

    const session = sessionOf(signedIn);
    const feedback = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      body: { title: 'Bulk export' },
    });
    const voted = await app.request('POST', `/api/v1/feedback/${feedback.body.id}/votes`, {
      token: null,
      headers: session,
    });
    expect(voted.status).toBeLessThan(300);
    const [ballot] = await app.db.dataSource.query<{ voter: string }[]>(
      `SELECT data->>'voterId' AS voter FROM events WHERE type = 'VoteCast' AND data->>'feedbackId' = $1`,
      [feedback.body.id],
    );
    expect(ballot?.voter).toBe(customerId);
    await app.settle();
    const companies = await app.request<{ items: { externalId: string; mrrCents: number }[] }>(
      'GET',
      '/api/v1/companies',
    );
    expect(companies.body.items).toContainEqual(
      expect.objectContaining({ externalId: 'northwind', mrrCents: 250_000 }),
    );
  });

  it('gives the embedded widget a short-lived bearer token instead of cookies', async () => {
    const answer = await app.request<WidgetToken & Problem>('POST', '/api/v1/auth/widget-token', {
      token: null,
      body: {
        workspace: 'acme',
        token: await sign({ id: 'user-widget', email: 'wren@acme-customer.test', name: 'Wren' }),
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.getSetCookie()).toEqual([]);
    const customerId = customerIdOf(workspaceId, 'user-widget');
    expect(answer.body.me).toMatchObject({ id: customerId, role: 'customer', name: 'Wren' });
    const lifetime = Date.parse(answer.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan((WIDGET_TOKEN_MINUTES - 1) * 60_000);
    expect(lifetime).toBeLessThanOrEqual(WIDGET_TOKEN_MINUTES * 60_000);
    const [session] = await app.db.dataSource.query<{ minutes: number }[]>(
      `SELECT round(extract(epoch FROM expires_at - now()) / 60)::int AS minutes
       FROM sessions WHERE person_id = $1`,
      [customerId],
    );
    expect(session?.minutes).toBe(WIDGET_TOKEN_MINUTES);

    // As a bearer it changes things without a CSRF header: no browser sends it on its own.
    const feedback = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      token: answer.body.token,
      body: { title: 'Widget-sent idea' },
    });
    expect(feedback.status).toBe(201);
    const me = await app.request<Me>('GET', '/api/v1/me', { token: answer.body.token });
    expect(me.body.id).toBe(customerId);
  });

  it('refuses a widget token once its session ended, and a bad host token', async () => {
    const answer = await app.request<WidgetToken>('POST', '/api/v1/auth/widget-token', {
      token: null,
      body: {
        workspace: 'acme',
        token: await sign({ id: 'user-widget-2', email: 'ada@acme-customer.test' }),
      },
    });
    await app.db.dataSource.query(`UPDATE sessions SET expires_at = now() WHERE person_id = $1`, [
      customerIdOf(workspaceId, 'user-widget-2'),
    ]);
    const ended = await app.request<Problem>('GET', '/api/v1/me', { token: answer.body.token });
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toMatch(/session has ended/);

    const refused = await app.request<Problem>('POST', '/api/v1/auth/widget-token', {
      token: null,
      body: {
        workspace: 'acme',
        token: await sign({ id: 'x', email: 'x@y.test' }, 'another key!'),
      },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/sign-in token/);
  });

  it('takes the same user back, with what the host says now', async () => {
    await exchange(await sign({ id: 'user-77', email: 'olaf@acme-customer.test', name: 'Olaf' }));
    const again = await exchange(
      await sign({ id: 'user-77', email: 'olaf@acme-customer.test', name: 'Olaf Berg' }),
    );
    expect(again.body).toMatchObject({
      id: customerIdOf(workspaceId, 'user-77'),
      name: 'Olaf Berg',
    });
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE stream_id = $1 AND type = 'PersonJoined'`,
      [`person-${customerIdOf(workspaceId, 'user-77')}`],
    );
    expect(count).toBe(1);
  });

  it('takes a user whose address already signs in as another customer (by an emailed code)', async () => {
    await app.db.dataSource.query(
      `INSERT INTO users (id, workspace_id, name, email, role)
       VALUES (gen_random_uuid(), $1, 'Mo by code', 'mo@acme-customer.test', 'customer')`,
      [workspaceId],
    );
    const signedIn = await exchange(
      await sign({ id: 'user-mo', email: 'mo@acme-customer.test', name: 'Mo' }),
    );
    expect(signedIn.status).toBe(201);
    expect(signedIn.body.id).toBe(customerIdOf(workspaceId, 'user-mo'));
  });

  it.each([
    ['another key', () => sign({ id: 'x', email: 'x@y.test' }, 'not the portal secret at all, no')],
    [
      'an expired token',
      () => sign({ id: 'x', email: 'x@y.test' }, undefined, Math.floor(Date.now() / 1000) - 60),
    ],
    [
      'an unsigned token',
      async () => {
        const [, payload] = (await sign({ id: 'x', email: 'x@y.test' })).split('.');
        return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
      },
    ],
    ['a token without an email', () => sign({ id: 'x' })],
  ])('refuses %s', async (_, token) => {
    const refused = await exchange(await token());
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/sign-in token/);
    expect(refused.headers.getSetCookie()).toEqual([]);
  });

  it('stops the old secret when a new one is made', async () => {
    const old = await sign({ id: 'user-9', email: 'nine@acme-customer.test' });
    const made = await app.request<PortalSecret>('POST', '/api/v1/portal/secret');
    expect((await exchange(old)).status).toBe(401);
    secret = made.body.secret;
    expect(
      (await exchange(await sign({ id: 'user-9', email: 'nine@acme-customer.test' }))).status,
    ).toBe(201);
    const [event] = await app.db.dataSource.query<{ data: string }[]>(
      `SELECT data::text FROM events WHERE type = 'WorkspacePortalSecretRotated' ORDER BY global_position DESC LIMIT 1`,
    );
    expect(event?.data).not.toContain(secret);
  });
});
