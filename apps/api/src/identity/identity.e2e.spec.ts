import type { Invitation, Me, PeopleList, PersonView } from '@chorus/domain';
import { rowsMentioning } from '../testing/rows-mentioning';
import { startTestApp, type ApiResponse, type TestApp } from '../testing/test-app';

type Problem = { type: string; detail: string; errors?: { field: string }[] };

/** A browser's cookie jar, enough for one origin: what the API set, sent back as it would be. */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: TestApp) {}

  async request<T>(method: string, path: string, body?: unknown, csrf = true) {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const token = this.cookies.get('chorus_csrf');
    if (csrf && token) headers['x-csrf-token'] = token;
    const response = await this.app.request<T>(method, path, { token: null, body, headers });
    this.keep(response);
    return response;
  }

  setCookieHeaders(response: ApiResponse): string[] {
    return response.headers.getSetCookie();
  }

  private keep(response: ApiResponse) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || /Expires=Thu, 01 Jan 1970/.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

describe('people, invitations and sessions', () => {
  let app: TestApp;
  const invite = (body: unknown, token?: string) =>
    app.request<Invitation & Problem>('POST', '/api/v1/people/invitations', { body, token });
  const tokenOf = (invitation: Invitation) => invitation.acceptUrl.split('#token=')[1]!;
  const PASSWORD = 'correct horse battery staple';

  /** Invites someone and accepts for them in a fresh browser, signed in. */
  const joined = async (email: string, role = 'product_owner') => {
    const invitation = await invite({ name: `Person ${email}`, email, role });
    expect(invitation.status).toBe(201);
    const browser = new Browser(app);
    const accepted = await browser.request<Me>('POST', '/api/v1/auth/invitations/accept', {
      token: tokenOf(invitation.body),
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    return { browser, person: invitation.body.person, invitation: invitation.body, accepted };
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('invites with a link shown once, keeping name and email out of the log', async () => {
    const invitation = await invite({
      name: 'Ines Invited',
      email: 'Ines@Acme.test',
      role: 'viewer',
    });
    expect(invitation.status).toBe(201);
    expect(invitation.body.person).toMatchObject({
      name: 'Ines Invited',
      email: 'ines@acme.test',
      role: 'viewer',
      status: 'invited',
      hasPassword: false,
    });
    expect(invitation.body.person.invitationExpiresAt).not.toBeNull();
    expect(invitation.body.acceptUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/invitation#token=[\w-]{43}$/,
    );
    const [event] = await app.db.dataSource.query<{ type: string; data: string }[]>(
      `SELECT type, data::text FROM events WHERE stream_id = $1`,
      [`person-${invitation.body.person.id}`],
    );
    expect(event?.type).toBe('PersonInvited');
    expect(event?.data).not.toMatch(/ines/i);
    const list = await app.request<PeopleList>('GET', '/api/v1/people');
    expect(list.body.items.map((p) => p.email)).toContain('ines@acme.test');
    expect(JSON.stringify(list.body)).not.toContain(tokenOf(invitation.body));
  });

  it('refuses a second invitation of the same email, a customer role and an unknown field', async () => {
    const cases: [unknown, number, string][] = [
      [{ name: 'Ada', email: 'ada@acme.test', role: 'viewer' }, 422, 'email'],
      [{ name: 'Cleo', email: 'new@acme.test', role: 'customer' }, 422, 'role'],
      [{ name: 'Bo', email: 'not an email', role: 'viewer' }, 400, 'email'],
    ];
    for (const [body, status, field] of cases) {
      const response = await invite(body);
      expect([response.status, response.body.errors?.map((e) => e.field)]).toEqual([
        status,
        [field],
      ]);
    }
    expect(
      (await invite({ name: 'X', email: 'x@acme.test', role: 'viewer' }, app.tokens.teammate))
        .status,
    ).toBe(403);
  });

  it('accepts an invitation once, with a good password, into an HttpOnly session', async () => {
    const invitation = await invite({
      name: 'Pia Owner',
      email: 'pia@acme.test',
      role: 'product_owner',
    });
    const browser = new Browser(app);
    const weak = await browser.request<Problem>('POST', '/api/v1/auth/invitations/accept', {
      token: tokenOf(invitation.body),
      password: 'short',
    });
    expect([weak.status, weak.body.errors?.map((e) => e.field)]).toEqual([400, ['password']]);
    const accepted = await browser.request<Me>('POST', '/api/v1/auth/invitations/accept', {
      token: tokenOf(invitation.body),
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ name: 'Pia Owner', role: 'product_owner' });
    const cookies = browser.setCookieHeaders(accepted);
    expect(cookies.find((c) => c.startsWith('chorus_session='))).toMatch(/HttpOnly; SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('chorus_csrf='))).not.toMatch(/HttpOnly/);
    expect((await browser.request<Me>('GET', '/api/v1/me')).body.email).toBe('pia@acme.test');
    const again = await new Browser(app).request<Problem>(
      'POST',
      '/api/v1/auth/invitations/accept',
      {
        token: tokenOf(invitation.body),
        password: PASSWORD,
      },
    );
    expect(again.status).toBe(404);
  });

  it('asks a cookie session for the CSRF header on every change', async () => {
    const { browser } = await joined('csrf@acme.test');
    const forged = await browser.request<Problem>(
      'POST',
      '/api/v1/feedback',
      { title: 'Forged' },
      false,
    );
    expect(forged.status).toBe(403);
    expect(forged.body.type).toMatch(/csrf$/);
    const real = await browser.request('POST', '/api/v1/feedback', { title: 'Real' });
    expect(real.status).toBe(201);
  });

  it('signs in with email and password, and out again', async () => {
    await joined('sam@acme.test');
    const browser = new Browser(app);
    const wrong = await browser.request<Problem>('POST', '/api/v1/auth/sessions', {
      email: 'sam@acme.test',
      password: 'not the password at all',
    });
    expect([wrong.status, wrong.body.detail]).toEqual([
      401,
      'The email or the password is not right.',
    ]);
    const nobody = await browser.request<Problem>('POST', '/api/v1/auth/sessions', {
      email: 'nobody@acme.test',
      password: PASSWORD,
    });
    expect([nobody.status, nobody.body.detail]).toEqual([401, wrong.body.detail]);
    const signedIn = await browser.request<Me>('POST', '/api/v1/auth/sessions', {
      workspace: 'acme',
      email: 'SAM@acme.test',
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(201);
    expect((await browser.request('GET', '/api/v1/backlog')).status).toBe(200);
    expect((await browser.request('DELETE', '/api/v1/auth/sessions/current')).status).toBe(204);
    expect((await browser.request('GET', '/api/v1/me')).status).toBe(401);
  });

  it('makes an account wait after ten wrong passwords', async () => {
    await joined('guess@acme.test');
    const attempt = () =>
      new Browser(app).request<Problem>('POST', '/api/v1/auth/sessions', {
        email: 'guess@acme.test',
        password: 'wrong guess number n',
      });
    for (let i = 0; i < 10; i += 1) expect((await attempt()).status).toBe(401);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/Too many attempts to sign in to this account/);
  });

  it('applies a role change and a deactivation at once, and keeps the last admin', async () => {
    const { browser, person } = await joined('rolf@acme.test', 'product_owner');
    expect((await browser.request('POST', '/api/v1/sprints', {})).status).toBe(400);
    const demoted = await app.request<PersonView>('PUT', `/api/v1/people/${person.id}/role`, {
      body: { role: 'viewer' },
    });
    expect(demoted.body.role).toBe('viewer');
    expect((await browser.request('POST', '/api/v1/sprints', {})).status).toBe(403);

    const deactivated = await app.request<PersonView>(
      'POST',
      `/api/v1/people/${person.id}/deactivate`,
    );
    expect(deactivated.body.status).toBe('deactivated');
    expect((await browser.request('GET', '/api/v1/me')).status).toBe(401);
    const signIn = await new Browser(app).request<Problem>('POST', '/api/v1/auth/sessions', {
      email: 'rolf@acme.test',
      password: PASSWORD,
    });
    expect([signIn.status, signIn.body.detail]).toEqual([
      401,
      expect.stringMatching(/deactivated/),
    ]);
    expect((await app.request('POST', `/api/v1/people/${person.id}/reactivate`)).status).toBe(201);
    const back = new Browser(app);
    await back.request('POST', '/api/v1/auth/sessions', {
      email: 'rolf@acme.test',
      password: PASSWORD,
    });
    expect((await back.request<Me>('GET', '/api/v1/me')).body.role).toBe('viewer');

    const me = await app.request<Me>('GET', '/api/v1/me');
    const lastAdmin = await app.request<Problem>('PUT', `/api/v1/people/${me.body.id}/role`, {
      body: { role: 'viewer' },
    });
    expect([lastAdmin.status, lastAdmin.body.detail]).toEqual([
      422,
      expect.stringMatching(/last active admin/),
    ]);
    const self = await app.request<Problem>('POST', `/api/v1/people/${me.body.id}/deactivate`);
    expect(self.status).toBe(422);
  });

  it('stops a deactivated person’s API token too', async () => {
    const teammate = await app.request<Me>('GET', '/api/v1/me', { token: app.tokens.viewer });
    await app.request('POST', `/api/v1/people/${teammate.body.id}/deactivate`);
    const refused = await app.request<Problem>('GET', '/api/v1/me', { token: app.tokens.viewer });
    expect([refused.status, refused.body.detail]).toEqual([
      401,
      expect.stringMatching(/deactivated/),
    ]);
    await app.request('POST', `/api/v1/people/${teammate.body.id}/reactivate`);
    expect((await app.request('GET', '/api/v1/me', { token: app.tokens.viewer })).status).toBe(200);
  });

  it('changes a password with the current one, ending the other sessions', async () => {
    const { browser } = await joined('paula@acme.test');
    const elsewhere = new Browser(app);
    await elsewhere.request('POST', '/api/v1/auth/sessions', {
      email: 'paula@acme.test',
      password: PASSWORD,
    });
    const wrong = await browser.request<Problem>('PUT', '/api/v1/me/password', {
      currentPassword: 'not it',
      newPassword: 'an even longer passphrase',
    });
    expect([wrong.status, wrong.body.errors?.map((e) => e.field)]).toEqual([
      422,
      ['currentPassword'],
    ]);
    const changed = await browser.request('PUT', '/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'an even longer passphrase',
    });
    expect(changed.status).toBe(204);
    expect((await browser.request('GET', '/api/v1/me')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/v1/me')).status).toBe(401);
    const old = await new Browser(app).request('POST', '/api/v1/auth/sessions', {
      email: 'paula@acme.test',
      password: PASSWORD,
    });
    expect(old.status).toBe(401);
  });

  it('erases a person’s account: name and email found nowhere, no way in, what they did stays', async () => {
    const { browser, person } = await joined('quentin.quill@acme.test', 'teammate');
    const idea = await browser.request<{ id: string }>('POST', '/api/v1/feedback', {
      title: 'Keyboard shortcuts',
    });
    expect(idea.status).toBe(201);
    await app.settle();
    const him = ['quentin', 'quill'];
    expect(await rowsMentioning(app.db.dataSource, him)).not.toEqual([]);
    const erased = await app.request<PersonView>('POST', `/api/v1/people/${person.id}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ name: 'Erased person', status: 'erased' });
    expect(await rowsMentioning(app.db.dataSource, him)).toEqual([]);
    expect((await browser.request('GET', '/api/v1/me')).status).toBe(401);
    const kept = await app.request<{ authorId: string }>('GET', `/api/v1/feedback/${idea.body.id}`);
    expect(kept.body.authorId).toBe(person.id);
    const again = await app.request('POST', `/api/v1/people/${person.id}/reactivate`);
    expect(again.status).toBe(404);
    const me = await app.request<Me>('GET', '/api/v1/me');
    expect((await app.request('POST', `/api/v1/people/${me.body.id}/erase`)).status).toBe(422);
  });
});
