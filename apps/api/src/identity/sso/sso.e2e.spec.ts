import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Me, PublicSingleSignOn, SingleSignOnView } from '@chorus/domain';
import { startTestApp, type TestApp } from '../../testing/test-app';

type Account = { sub: string; email: string; name: string; groups: string[] };

/** The real provider in its own process (it is ES modules only); resolves with its issuer. */
const startProvider = (redirectUri: string): Promise<{ issuer: string; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, '../../testing/oidc-provider.mjs')], {
      env: { ...process.env, OIDC_REDIRECT_URI: redirectUri },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const ready = /oidc-provider ready (\S+)/.exec(String(chunk));
      if (ready) resolve({ issuer: ready[1]!, child });
    });
  });

/** A browser: follows redirects across both origins, keeping each origin's cookies. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async visit(start: string): Promise<{ url: URL; status: number }> {
    let url = new URL(start);
    for (let hop = 0; hop < 15; hop += 1) {
      const jar = this.jars.get(url.origin) ?? new Map<string, string>();
      this.jars.set(url.origin, jar);
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url, status: response.status };
      }
      url = new URL(location, url);
      if (url.origin === new URL(start).origin && !url.pathname.startsWith('/api/')) {
        return { url, status: response.status };
      }
    }
    throw new Error('Too many redirects');
  }

  cookiesOf(origin: string): Map<string, string> {
    return this.jars.get(origin) ?? new Map<string, string>();
  }
}

describe('single sign-on with a real OIDC provider', () => {
  let app: TestApp;
  let provider: { issuer: string; child: ChildProcess };
  const control = (path: string, body: unknown) =>
    fetch(`${provider.issuer}/__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
  const settings = (patch: Record<string, unknown> = {}) => ({
    enabled: true,
    issuer: provider.issuer,
    clientId: 'chorus',
    clientSecret: 'chorus-secret',
    roleClaim: 'groups',
    roleMap: { 'chorus-admins': 'admin', 'product-managers': 'product_manager' },
    defaultRole: 'teammate',
    ...patch,
  });

  /** Signs `account` in through the provider; where the browser lands, and its Chorus cookies. */
  const signIn = async (account: Account, returnTo = '/backlog') => {
    await control('next', account);
    const browser = new Browser();
    const landed = await browser.visit(
      `${app.baseUrl}/api/v1/auth/sso/acme/start?returnTo=${encodeURIComponent(returnTo)}`,
    );
    const cookies = browser.cookiesOf(app.baseUrl);
    const me = async () => {
      const session = cookies.get('chorus_session');
      return app.request<Me>('GET', '/api/v1/me', {
        token: null,
        headers: session ? { cookie: `chorus_session=${session}` } : {},
      });
    };
    return { landed, cookies, me };
  };
  const errorOf = (url: URL) => url.searchParams.get('sso_error');

  beforeAll(async () => {
    app = await startTestApp();
    provider = await startProvider(`${app.baseUrl}/api/v1/auth/sso/callback`);
    const configured = await app.request<SingleSignOnView>('PUT', '/api/v1/sso', {
      body: settings(),
    });
    expect(configured.status).toBe(200);
  });
  afterAll(async () => {
    provider?.child.kill();
    await app?.close();
  });

  it('keeps the client secret to itself and tells the sign-in screen where to start', async () => {
    const view = await app.request<SingleSignOnView>('GET', '/api/v1/sso');
    expect(view.body).toMatchObject({ configured: true, hasSecret: true, clientId: 'chorus' });
    expect(JSON.stringify(view.body)).not.toContain('chorus-secret');
    const [event] = await app.db.dataSource.query<{ data: string }[]>(
      `SELECT data::text FROM events WHERE type = 'WorkspaceSingleSignOnConfigured'`,
    );
    expect(event?.data).not.toContain('chorus-secret');
    const offered = await app.request<PublicSingleSignOn>('GET', '/api/v1/public/acme/sso', {
      token: null,
    });
    expect(offered.body).toEqual({ enabled: true, startUrl: '/api/v1/auth/sso/acme/start' });
  });

  it('signs a new person in, provisioned just in time with the role their groups map to', async () => {
    const { landed, cookies, me } = await signIn({
      sub: 'okta|maria',
      email: 'Maria@Acme.test',
      name: 'Maria Manager',
      groups: ['engineering', 'product-managers'],
    });
    expect(errorOf(landed.url)).toBeNull();
    expect(landed.url.pathname).toBe('/backlog');
    expect(cookies.has('chorus_session')).toBe(true);
    expect((await me()).body).toMatchObject({
      name: 'Maria Manager',
      email: 'maria@acme.test',
      role: 'product_manager',
    });
    const joined = await app.db.dataSource.query<{ data: { via: string; role: string } }[]>(
      `SELECT e.data FROM events e JOIN users u ON e.stream_id = 'person-' || u.id
       WHERE u.email = 'maria@acme.test' AND e.type = 'PersonJoined'`,
    );
    expect(joined.map(({ data }) => [data.role, data.via])).toEqual([['product_manager', 'sso']]);
  });

  it('recognises an existing person by email, then by subject, and follows the provider’s roles', async () => {
    const tom = { sub: 'okta|tom', email: 'tom@acme.test', name: 'Tom', groups: ['chorus-admins'] };
    expect((await (await signIn(tom)).me()).body).toMatchObject({
      name: 'Tom Teammate',
      role: 'admin',
    });
    const renamed = { ...tom, email: 'thomas@acme.test', groups: ['product-managers'] };
    expect((await (await signIn(renamed)).me()).body).toMatchObject({
      email: 'tom@acme.test',
      role: 'product_manager',
    });
  });

  it('gives the default role to someone whose groups map to none, and refuses when there is none', async () => {
    const guest = { sub: 'okta|gus', email: 'gus@acme.test', name: 'Gus', groups: ['sales'] };
    expect((await (await signIn(guest)).me()).body.role).toBe('teammate');
    await app.request('PUT', '/api/v1/sso', { body: settings({ defaultRole: null }) });
    const refused = await signIn({ ...guest, sub: 'okta|nia', email: 'nia@acme.test' });
    expect(errorOf(refused.landed.url)).toMatch(/gives you no role in Chorus/);
    expect(refused.cookies.has('chorus_session')).toBe(false);
    await app.request('PUT', '/api/v1/sso', { body: settings() });
  });

  it.each([
    ['an ID token for another audience', 'wrong-audience'],
    ['an expired ID token', 'expired'],
  ])('refuses %s, signed by the provider itself', async (_, mode) => {
    await control('tamper', { mode });
    try {
      const { landed, cookies } = await signIn({
        sub: `okta|${mode}`,
        email: `${mode}@acme.test`,
        name: 'Mallory',
        groups: ['chorus-admins'],
      });
      expect(errorOf(landed.url)).toMatch(/could not be trusted/);
      expect(cookies.has('chorus_session')).toBe(false);
      const [nobody] = await app.db.dataSource.query<unknown[]>(
        `SELECT 1 FROM users WHERE email = $1`,
        [`${mode}@acme.test`],
      );
      expect(nobody).toBeUndefined();
    } finally {
      await control('tamper', { mode: 'none' });
    }
  });

  it('refuses a return address outside the app and a sign-in whose state is unknown', async () => {
    const open = await fetch(`${app.baseUrl}/api/v1/auth/sso/acme/start?returnTo=//evil.example`, {
      redirect: 'manual',
    });
    expect(open.status).toBe(400);
    const forged = await new Browser().visit(
      `${app.baseUrl}/api/v1/auth/sso/callback?code=abc&state=forged`,
    );
    expect(errorOf(forged.url)).toMatch(/expired or was used already/);
  });

  it('refuses a deactivated person', async () => {
    const { me } = await signIn({
      sub: 'okta|dee',
      email: 'dee@acme.test',
      name: 'Dee',
      groups: [],
    });
    const { body } = await me();
    await app.request('POST', `/api/v1/people/${body.id}/deactivate`);
    const again = await signIn({
      sub: 'okta|dee',
      email: 'dee@acme.test',
      name: 'Dee',
      groups: [],
    });
    expect(errorOf(again.landed.url)).toMatch(/deactivated/);
  });
});
