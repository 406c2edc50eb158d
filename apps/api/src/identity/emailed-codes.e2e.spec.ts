import type {
  CodeRequested,
  CompanyView,
  CustomerPage,
  CustomerView,
  FeedbackItem,
  Invitation,
  Me,
  UpsertResult,
} from '@chorus/domain';
import { eventually } from '@chorus/event-store/testing';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from '../testing/smtp-inbox';
import { startTestApp, type ApiResponse, type TestApp } from '../testing/test-app';

type Problem = { type: string; detail: string; errors?: { field: string }[] };

const codeIn = (mail: ReceivedMail): string => {
  const code = /^\s+(\d{6})\s*$/m.exec(mail.part('text/plain'))?.[1];
  if (!code) throw new Error('The mail holds no code');
  return code;
};

/** A browser's cookie jar for one origin: what the API set, sent back, with the CSRF header. */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: TestApp) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const csrf = this.cookies.get('chorus_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
    const response = await this.app.request<T>(method, path, { token: null, body, headers });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      this.cookies.set(name, value);
    }
    return response;
  }
}

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';

describe('emailed codes', () => {
  let app: TestApp;
  let smtp: SmtpInbox;
  const mailsTo = (email: string) => smtp.mailsTo(email);

  /** Asks for a code at `path` and waits for the mail that brings it. */
  const codeFrom = async (path: string, body: { email: string; workspace?: string }) => {
    const before = mailsTo(body.email).length;
    const asked = await app.request<CodeRequested>('POST', path, { token: null, body });
    expect([asked.status, asked.body]).toEqual([202, { validMinutes: 15 }]);
    const mail = await eventually(() => {
      const next = mailsTo(body.email)[before];
      return next
        ? Promise.resolve(next)
        : Promise.reject(new Error(`no mail to ${body.email} yet`));
    });
    return { code: codeIn(mail), mail };
  };
  const resetCode = (email: string) => codeFrom('/api/v1/auth/password-reset', { email });
  const customerCode = (email: string) =>
    codeFrom('/api/v1/auth/customer-codes', { workspace: 'acme', email });
  const confirmReset = (browser: Browser, body: Record<string, string>) =>
    browser.request<Me & Problem>('POST', '/api/v1/auth/password-reset/confirm', {
      newPassword: NEW_PASSWORD,
      ...body,
    });
  const confirmCustomer = (browser: Browser, email: string, code: string) =>
    browser.request<Me & Problem>('POST', '/api/v1/auth/customer-codes/confirm', {
      workspace: 'acme',
      email,
      code,
    });
  const signIn = (email: string, password: string) =>
    new Browser(app).request('POST', '/api/v1/auth/sessions', { email, password });

  /** A teammate with a password, signed in in a browser of their own. */
  const joined = async (email: string) => {
    const invitation = await app.request<Invitation>('POST', '/api/v1/people/invitations', {
      body: { name: `Person ${email}`, email, role: 'product_owner' },
    });
    const browser = new Browser(app);
    const accepted = await browser.request<Me>('POST', '/api/v1/auth/invitations/accept', {
      token: invitation.body.acceptUrl.split('#token=')[1],
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    return { browser, person: accepted.body };
  };
  const refusedCode = (response: ApiResponse<Problem>) => [
    response.status,
    response.body.errors?.map((e) => e.field),
  ];

  beforeAll(async () => {
    smtp = await startSmtpInbox({ username: 'chorus', password: 'mail-secret' });
    app = await startTestApp({
      mail: { smtpUrl: smtp.url, from: 'Chorus <no-reply@chorus.test>' },
    });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('resets a forgotten password with the mailed code, ending every session', async () => {
    const { browser, person } = await joined('rita@acme.test');
    const elsewhere = new Browser(app);
    await elsewhere.request('POST', '/api/v1/auth/sessions', {
      email: 'rita@acme.test',
      password: PASSWORD,
    });
    expect((await elsewhere.request('GET', '/api/v1/me')).status).toBe(200);

    const { code, mail } = await resetCode('rita@acme.test');
    expect(mail.from).toBe('no-reply@chorus.test');
    expect(mail.raw).toMatch(/^Subject: Your code to reset your Chorus password$/m);
    expect(mail.part('text/plain')).toMatch(/workspace Acme \(acme\)/);
    expect(mail.part('text/html')).toContain(`>${code}</p>`);

    const fresh = new Browser(app);
    const reset = await confirmReset(fresh, { email: 'Rita@Acme.test', code });
    expect(reset.status).toBe(201);
    expect(reset.body).toMatchObject({ id: person.id, email: 'rita@acme.test' });
    expect((await fresh.request<Me>('GET', '/api/v1/me')).body.id).toBe(person.id);
    expect((await browser.request('GET', '/api/v1/me')).status).toBe(401);
    expect((await elsewhere.request('GET', '/api/v1/me')).status).toBe(401);
    expect((await signIn('rita@acme.test', PASSWORD)).status).toBe(401);
    expect((await signIn('rita@acme.test', NEW_PASSWORD)).status).toBe(201);

    const again = await confirmReset(new Browser(app), { email: 'rita@acme.test', code });
    expect(refusedCode(again)).toEqual([422, ['code']]);
    const events = await app.db.dataSource.query<{ type: string; data: { via?: string } }[]>(
      `SELECT type, data FROM events WHERE stream_id = $1 ORDER BY version`,
      [`person-${person.id}`],
    );
    expect(events.at(-1)).toEqual({
      type: 'PersonPasswordChanged',
      data: { personId: person.id, via: 'reset' },
    });
  });

  it('answers alike for an unknown address, a customer and a teammate, mailing only the teammate', async () => {
    for (const email of ['nobody@acme.test', 'cleo@customer.test']) {
      const asked = await app.request('POST', '/api/v1/auth/password-reset', {
        token: null,
        body: { email },
      });
      expect(asked.status).toBe(202);
    }
    // Both answers came before this request: had either mailed, its mail was sent first.
    await resetCode('tom@acme.test');
    expect(mailsTo('nobody@acme.test')).toEqual([]);
    expect(mailsTo('cleo@customer.test')).toEqual([]);
    const unknown = await confirmReset(new Browser(app), {
      email: 'nobody@acme.test',
      code: '123456',
    });
    expect(refusedCode(unknown)).toEqual([422, ['code']]);
  });

  it('kills a code after five wrong tries, and a new request replaces the old code', async () => {
    await joined('wendy@acme.test');
    const first = await resetCode('wendy@acme.test');
    const { code } = await resetCode('wendy@acme.test');
    const replaced = await confirmReset(new Browser(app), {
      email: 'wendy@acme.test',
      code: first.code,
    });
    expect(refusedCode(replaced)).toEqual([422, ['code']]);
    // The try with the replaced code was the first wrong try of the new one.
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i += 1) {
      const guess = await confirmReset(new Browser(app), { email: 'wendy@acme.test', code: wrong });
      expect(refusedCode(guess)).toEqual([422, ['code']]);
    }
    const dead = await confirmReset(new Browser(app), { email: 'wendy@acme.test', code });
    expect(refusedCode(dead)).toEqual([422, ['code']]);
    expect(dead.body.detail).toMatch(/ask for a new code/);
    expect((await signIn('wendy@acme.test', PASSWORD)).status).toBe(201);
  });

  it('refuses an expired code', async () => {
    await joined('eve@acme.test');
    const { code } = await resetCode('eve@acme.test');
    await app.db.dataSource.query(
      `UPDATE one_time_codes SET expires_at = now() - interval '1 second' WHERE email = $1`,
      ['eve@acme.test'],
    );
    const expired = await confirmReset(new Browser(app), { email: 'eve@acme.test', code });
    expect(refusedCode(expired)).toEqual([422, ['code']]);
    expect((await signIn('eve@acme.test', PASSWORD)).status).toBe(201);
  });

  it('mails an address five codes in a window, and bounds how many codes are tried', async () => {
    await joined('flood@acme.test');
    for (let i = 0; i < 5; i += 1) await resetCode('flood@acme.test');
    const lastCode = () =>
      app.db.dataSource.query<{ code_sha256: Buffer }[]>(
        `SELECT code_sha256 FROM one_time_codes WHERE email = $1`,
        ['flood@acme.test'],
      );
    const before = await lastCode();
    const sixth = await app.request('POST', '/api/v1/auth/password-reset', {
      token: null,
      body: { email: 'flood@acme.test' },
    });
    expect(sixth.status).toBe(202);
    expect(await lastCode()).toEqual(before);
    await resetCode('tom@acme.test');
    expect(mailsTo('flood@acme.test')).toHaveLength(5);

    for (let i = 0; i < 10; i += 1) {
      const guess = await confirmReset(new Browser(app), {
        email: 'ghost@acme.test',
        code: '000000',
      });
      expect(guess.status).toBe(422);
    }
    const limited = await confirmReset(new Browser(app), {
      email: 'ghost@acme.test',
      code: '000000',
    });
    expect([limited.status, limited.body.detail]).toEqual([
      429,
      expect.stringMatching(/Too many codes tried for this address/),
    ]);
  });

  it('signs a customer in by code as the customer of that address, whose company then counts', async () => {
    const company = await app.request<UpsertResult<CompanyView>>(
      'PUT',
      '/api/v1/companies/initech',
      { body: { name: 'Initech', mrrCents: 990_00 } },
    );
    const customer = await app.request<UpsertResult<CustomerView>>(
      'PUT',
      '/api/v1/customers/crm-42',
      {
        body: { name: 'Peter Gibbons', email: 'peter@initech.test', companyExternalId: 'initech' },
      },
    );
    const feedback = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      body: { title: 'TPS reports as PDF' },
    });
    await app.settle();

    const { code, mail } = await customerCode('peter@initech.test');
    expect(mail.raw).toMatch(/^Subject: Your code to sign in to Acme$/m);
    const browser = new Browser(app);
    const signedIn = await confirmCustomer(browser, 'Peter@Initech.test', code);
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toMatchObject({
      id: customer.body.item.id,
      name: 'Peter Gibbons',
      email: 'peter@initech.test',
      role: 'customer',
    });
    const vote = await browser.request('POST', `/api/v1/feedback/${feedback.body.id}/votes`);
    expect(vote.status).toBe(200);
    await app.settle();
    const ballots = await app.db.dataSource.query<{ voter_id: string; company_id: string }[]>(
      `SELECT voter_id, company_id FROM feedback_ballots WHERE feedback_id = $1`,
      [feedback.body.id],
    );
    expect(ballots).toEqual([
      { voter_id: customer.body.item.id, company_id: company.body.item.id },
    ]);
    const item = await app.request<FeedbackItem>('GET', `/api/v1/feedback/${feedback.body.id}`);
    expect(item.body).toMatchObject({ voteCount: 1, revenueCents: 990_00 });
  });

  it('makes a customer of a new address on first sign-in, and signs the same one in after', async () => {
    const first = await customerCode('newbie@portal.test');
    const signedIn = await confirmCustomer(new Browser(app), 'newbie@portal.test', first.code);
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toMatchObject({ name: 'newbie', role: 'customer' });
    const { id } = signedIn.body;
    const events = await app.db.dataSource.query<{ stream_id: string; type: string }[]>(
      `SELECT stream_id, type FROM events WHERE stream_id IN ($1, $2) ORDER BY global_position`,
      [`customer-${id}`, `person-${id}`],
    );
    expect(events).toEqual([
      { stream_id: `customer-${id}`, type: 'CustomerCreated' },
      { stream_id: `person-${id}`, type: 'PersonJoined' },
    ]);

    const second = await customerCode('newbie@portal.test');
    const again = await confirmCustomer(new Browser(app), 'newbie@portal.test', second.code);
    expect([again.status, again.body.id]).toEqual([201, id]);
    await app.settle();
    const customers = await app.request<CustomerPage>('GET', '/api/v1/customers?q=newbie');
    expect(customers.body.items).toEqual([
      expect.objectContaining({ id, externalId: 'newbie@portal.test', name: 'newbie' }),
    ]);
    const [{ people }] = await app.db.dataSource.query<[{ people: number }]>(
      `SELECT count(*)::int AS people FROM users WHERE email = 'newbie@portal.test'`,
    );
    expect(people).toBe(1);
  });

  it('escapes what it puts in the HTML part, and keeps the text part as it is', async () => {
    const rename = (name: string) =>
      app.db.dataSource.query(`UPDATE workspaces SET name = $1 WHERE slug = 'acme'`, [name]);
    await rename(`Acme "R&D" <Labs>`);
    try {
      const { mail } = await customerCode('escape@portal.test');
      expect(mail.part('text/html')).toContain(
        'the feedback portal of Acme &quot;R&amp;D&quot; &lt;Labs&gt;:',
      );
      expect(mail.part('text/plain')).toContain('the feedback portal of Acme "R&D" <Labs>:');
    } finally {
      await rename('Acme');
    }
  });

  it('mails no customer code to a teammate, and refuses a code for another workspace', async () => {
    const before = mailsTo('tom@acme.test').length;
    const asked = await app.request('POST', '/api/v1/auth/customer-codes', {
      token: null,
      body: { workspace: 'acme', email: 'tom@acme.test' },
    });
    expect(asked.status).toBe(202);
    const { code } = await customerCode('someone@portal.test');
    expect(mailsTo('tom@acme.test')).toHaveLength(before);
    const elsewhere = await new Browser(app).request<Problem>(
      'POST',
      '/api/v1/auth/customer-codes/confirm',
      { workspace: 'globex', email: 'someone@portal.test', code },
    );
    expect(refusedCode(elsewhere)).toEqual([422, ['code']]);
    const malformed = await confirmCustomer(new Browser(app), 'someone@portal.test', '12 34');
    expect(refusedCode(malformed)).toEqual([400, ['code']]);
  });
});

describe('emailed codes without a mail server', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers 503 naming the setting, on every route that mails or checks a code', async () => {
    const requests: [string, Record<string, string>][] = [
      ['/api/v1/auth/password-reset', { email: 'ada@acme.test' }],
      [
        '/api/v1/auth/password-reset/confirm',
        { email: 'ada@acme.test', code: '123456', newPassword: NEW_PASSWORD },
      ],
      ['/api/v1/auth/customer-codes', { workspace: 'acme', email: 'x@portal.test' }],
      [
        '/api/v1/auth/customer-codes/confirm',
        { workspace: 'acme', email: 'x@portal.test', code: '123456' },
      ],
    ];
    for (const [path, body] of requests) {
      const response = await app.request<Problem>('POST', path, { token: null, body });
      expect([path, response.status, response.headers.get('content-type')]).toEqual([
        path,
        503,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(response.body.detail).toMatch(/Email is not set up on this server \(SMTP_URL\)/);
    }
  });
});
