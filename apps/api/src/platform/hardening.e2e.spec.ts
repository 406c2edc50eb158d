import { createHash, randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from './problem-details';

const listedOrigin = 'https://feedback.example.com';

describe('hardening of the HTTP API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      logger: ['error'],
      hardening: {
        rateLimits: { perIpPerMinute: 10, perCredentialPerMinute: 5 },
        bodyLimits: { jsonBytes: 2048, csvBytes: 4096 },
        corsOrigins: [listedOrigin],
        // The test client is on loopback, so X-Forwarded-For names the address it stands for.
        trustProxy: 'loopback',
      },
    });
  });
  afterAll(() => app.close());

  // Every test is a client of its own, so no test spends another's budget.
  let clients = 0;
  const newClient = () => {
    clients += 1;
    const address = `203.0.113.${clients}`;
    return (headers: Record<string, string> = {}) => ({
      'x-forwarded-for': address,
      ...headers,
    });
  };

  const expectTooManyRequests = (
    response: { status: number; headers: Headers; body: unknown },
    whose: RegExp,
  ) => {
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const problem = response.body as ProblemDetails;
    expect(problem).toMatchObject({
      status: 429,
      type: 'https://chorus.dev/problems/rate-limited',
    });
    expect(problem.detail).toMatch(whose);
    expect(problem.detail).toMatch(
      new RegExp(`Try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}\\.$`),
    );
  };

  it('sends security headers, with a policy that allows nothing inline but the docs page styles', async () => {
    const health = await app.request('GET', '/api/health', { token: null });
    const policy = health.headers.get('content-security-policy') ?? '';
    expect(policy.split(';')).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "script-src-attr 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(policy).not.toContain('unsafe-inline');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('referrer-policy')).toBe('no-referrer');
    expect(health.headers.get('x-powered-by')).toBeNull();

    const docs = await app.request('GET', '/api/docs', { token: null });
    expect(docs.headers.get('content-security-policy')).toContain(
      "style-src 'self' 'unsafe-inline'",
    );
  });

  it('answers a token past its limit with 429 and Retry-After, leaving other tokens alone', async () => {
    const from = newClient();
    for (let i = 0; i < 5; i += 1) {
      const me = await app.request('GET', '/api/v1/me', {
        token: app.tokens.teammate,
        headers: from(),
      });
      expect(me.status).toBe(200);
    }
    expectTooManyRequests(
      await app.request('GET', '/api/v1/me', { token: app.tokens.teammate, headers: from() }),
      /^Too many requests with this token\./,
    );
    // Spelling the scheme differently is the same token, so the same budget.
    expectTooManyRequests(
      await app.request('GET', '/api/v1/me', {
        token: null,
        headers: from({ authorization: `bearer   ${app.tokens.teammate}` }),
      }),
      /with this token/,
    );
    // From another address too: the limit follows the token.
    expectTooManyRequests(
      await app.request('GET', '/api/v1/me', {
        token: app.tokens.teammate,
        headers: newClient()(),
      }),
      /with this token/,
    );
    const other = await app.request('GET', '/api/v1/me', {
      token: app.tokens.customer,
      headers: from(),
    });
    expect(other.status).toBe(200);
  });

  it('answers an address past its limit with 429 whatever the token, but keeps health and metrics open', async () => {
    const from = newClient();
    for (let i = 0; i < 10; i += 1) {
      const guess = await app.request('GET', '/api/v1/me', {
        token: randomBytes(16).toString('hex'),
        headers: from(),
      });
      expect(guess.status).toBe(401);
    }
    expectTooManyRequests(
      await app.request('GET', '/api/v1/me', { token: app.tokens.admin, headers: from() }),
      /^Too many requests from your address\./,
    );
    expect((await app.request('GET', '/api/health', { token: null, headers: from() })).status).toBe(
      200,
    );
    expect(
      (await app.request('GET', '/api/metrics', { token: null, headers: from() })).status,
    ).toBe(200);
    const elsewhere = await app.request('GET', '/api/v1/me', {
      token: app.tokens.admin,
      headers: newClient()(),
    });
    expect(elsewhere.status).toBe(200);
  });

  it('refuses bodies over each parser’s limit with a 413 problem naming it', async () => {
    const from = newClient();
    const json = await app.request<ProblemDetails>('POST', '/api/v1/feedback', {
      token: app.tokens.outsider,
      body: { title: 'Too long to read', description: 'x'.repeat(3000) },
      headers: from(),
    });
    expect(json.status).toBe(413);
    expect(json.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(json.body).toMatchObject({
      type: 'https://chorus.dev/problems/too-large',
      detail: 'The request body is larger than the 2 KB limit.',
    });

    const csv = await app.request<ProblemDetails>('POST', '/api/v1/imports/companies', {
      token: app.tokens.outsider,
      rawBody: `externalId,name\n${'acme,Acme Inc\n'.repeat(400)}`,
      headers: from({ 'content-type': 'text/csv' }),
    });
    expect(csv.status).toBe(413);
    expect(csv.body.detail).toBe('The request body is larger than the 4 KB limit.');

    const small = await app.request('POST', '/api/v1/feedback', {
      token: app.tokens.outsider,
      body: { title: 'Short and sweet' },
      headers: from(),
    });
    expect(small.status).toBe(201);
    // Forms are not a way in: no other body is read.
    const form = await app.request<ProblemDetails>('POST', '/api/v1/feedback', {
      token: app.tokens.outsider,
      rawBody: 'title=Sent+as+a+form',
      headers: from({ 'content-type': 'application/x-www-form-urlencoded' }),
    });
    expect(form.status).toBe(400);
  });

  it('answers CORS preflights for listed origins only, with credentials', async () => {
    const from = newClient();
    const preflight = (origin: string) =>
      app.request('OPTIONS', '/api/v1/feedback', {
        token: null,
        headers: from({
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,if-match',
        }),
      });
    const listed = await preflight(listedOrigin);
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe(listedOrigin);
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(listed.headers.get('access-control-allow-headers')).toContain('authorization');

    const unlisted = await preflight('https://attacker.example');
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
    expect(unlisted.headers.get('access-control-allow-credentials')).toBeNull();

    const read = await app.request('GET', '/api/v1/me', {
      token: app.tokens.otherCustomer,
      headers: from({ origin: listedOrigin }),
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(listedOrigin);
    expect(read.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('never logs the token of a request that failed, nor its hash', async () => {
    const token = `leaky-${randomBytes(24).toString('hex')}`;
    const hash = createHash('sha256').update(token).digest();
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    // Without the users table, looking the token up fails: a 500 whose error carries the hash.
    await app.db.dataSource.query('ALTER TABLE users RENAME TO users_hidden');
    let failed: number;
    try {
      failed = (await app.request('GET', '/api/v1/me', { token, headers: newClient()() })).status;
    } finally {
      await app.db.dataSource.query('ALTER TABLE users_hidden RENAME TO users');
      stderr.mockRestore();
      stdout.mockRestore();
    }
    expect(failed).toBe(500);
    const colours = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
    const logs = written.join('').replace(colours, '');
    expect(logs).toContain('relation "users" does not exist');
    expect(logs).toContain('GET');
    expect(logs).toContain("authorization: '[redacted]'");
    expect(logs).toContain("parameters: '[redacted]'");
    for (const secret of [
      token,
      hash.toString('hex'),
      hash.toString('base64'),
      // How util.inspect shows a Buffer: bytes in hex, a space apart.
      hash.toString('hex').slice(0, 16).match(/../g)!.join(' '),
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
