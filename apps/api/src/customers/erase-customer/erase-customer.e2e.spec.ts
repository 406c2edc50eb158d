import { SignJWT } from 'jose';
import type { PortalSecret } from '@chorus/domain';
import { PostgresEventStore, rebuildProjection } from '@chorus/event-store';
import { projections } from '@chorus/worker';
import { rowsMentioning } from '../../testing/rows-mentioning';
import { startTestApp, type TestApp } from '../../testing/test-app';

/** What must be found nowhere once Zelda is erased. */
const HER = ['zelda', 'quistgaard', 'zq-481'];

describe('erasing a customer from an immutable log (GDPR)', () => {
  let app: TestApp;
  let session: Record<string, string>;

  const whereSheIs = () => rowsMentioning(app.db.dataSource, HER);

  beforeAll(async () => {
    app = await startTestApp();
    const { body } = await app.request<PortalSecret>('POST', '/api/v1/portal/secret');
    const token = await new SignJWT({
      id: 'zq-481',
      email: 'zelda.quistgaard@privacy.test',
      name: 'Zelda Quistgaard',
      company: { id: 'northwind', name: 'Northwind', mrrCents: 120_000 },
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(body.secret));
    const signedIn = await app.request('POST', '/api/v1/auth/portal-token', {
      token: null,
      body: { workspace: 'acme', token },
    });
    expect(signedIn.status).toBe(201);
    const cookies = Object.fromEntries(
      signedIn.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]),
    );
    session = {
      cookie: `chorus_session=${cookies.chorus_session}; chorus_csrf=${cookies.chorus_csrf}`,
      'x-csrf-token': cookies.chorus_csrf!,
    };
  });
  afterAll(() => app.close());

  it('keeps her personal data out of the log from the start: it is sealed', async () => {
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE data::text ILIKE ANY($1)`,
      [HER.map((h) => `%${h}%`)],
    );
    expect(count).toBe(0);
    const [sealed] = await app.db.dataSource.query<{ name: string }[]>(
      `SELECT data->>'name' AS name FROM events WHERE type = 'CustomerCreated'`,
    );
    expect(sealed?.name).toMatch(/^sealed:v1:/);
  });

  it('erases her name, email and external id everywhere, while what she did still counts', async () => {
    const asHer = { token: null, headers: session };
    const idea = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      ...asHer,
      body: { title: 'Offline mode', description: 'Trains have no signal.' },
    });
    expect(idea.status).toBe(201);
    const other = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      body: { title: 'Dark mode' },
    });
    expect(
      (await app.request('POST', `/api/v1/feedback/${other.body.id}/votes`, asHer)).status,
    ).toBeLessThan(300);
    await app.request('POST', `/api/v1/feedback/${other.body.id}/comments`, {
      ...asHer,
      body: { body: 'Please, my eyes hurt at night.' },
    });
    await app.settle();
    expect(await whereSheIs()).not.toEqual([]);
    const votesBefore = await app.request<{ voteCount: number }>(
      'GET',
      `/api/v1/feedback/${other.body.id}`,
    );

    const erased = await app.request<{ customerId: string; erased: boolean }>(
      'POST',
      '/api/v1/customers/zq-481/erase',
    );
    expect(erased.status).toBe(200);
    await app.settle();

    expect(await whereSheIs()).toEqual([]);
    const votesAfter = await app.request<{ voteCount: number }>(
      'GET',
      `/api/v1/feedback/${other.body.id}`,
    );
    expect(votesAfter.body.voteCount).toBe(votesBefore.body.voteCount);
    expect(votesAfter.body.voteCount).toBe(1);
    const hers = await app.request<{ authorId: string }>('GET', `/api/v1/feedback/${idea.body.id}`);
    expect(hers.body.authorId).toBe(erased.body.customerId);
    const customers = await app.request<{
      items: { id: string; name: string; email: string | null }[];
    }>('GET', '/api/v1/customers');
    expect(customers.body.items.find((c) => c.id === erased.body.customerId)).toMatchObject({
      name: 'Erased customer',
      email: null,
    });
    expect((await app.request('GET', '/api/v1/me', asHer)).status).toBe(401);
  });

  it('stays erased when the read models are rebuilt from the log', async () => {
    const store = new PostgresEventStore(app.db.dataSource);
    for (const projection of projections) {
      await rebuildProjection(app.db.dataSource, store, projection);
    }
    expect(await whereSheIs()).toEqual([]);
  });

  it('refuses to bring her back under the same id, and to erase anyone but as an admin', async () => {
    const back = await app.request<{ errors?: { field: string }[] }>(
      'PUT',
      '/api/v1/customers/zq-481',
      {
        body: { name: 'Zelda Quistgaard' },
      },
    );
    expect(back.status).toBe(422);
    const byTeammate = await app.request('POST', '/api/v1/customers/zq-481/erase', {
      token: app.tokens.teammate,
    });
    expect(byTeammate.status).toBe(403);
  });
});
