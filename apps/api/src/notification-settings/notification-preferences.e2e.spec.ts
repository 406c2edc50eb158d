import type { NotificationPreferencesView, UnsubscribeTokenView } from '@chorus/domain';
import { loadUnsubscribeTokens, type UnsubscribeTokens } from '@chorus/worker';
import type { ProblemDetails } from '../platform/problem-details';
import { startTestApp, type TestApp } from '../testing/test-app';

type Me = { id: string; workspace: { id: string } };

describe('notification preferences and unsubscribe links', () => {
  let app: TestApp;
  let tokens: UnsubscribeTokens;
  const preferencesOf = (token: string) =>
    app.request<NotificationPreferencesView & ProblemDetails>(
      'GET',
      '/api/v1/me/notification-preferences',
      { token },
    );
  const change = (body: unknown, token = app.tokens.customer) =>
    app.request<NotificationPreferencesView & ProblemDetails>(
      'PUT',
      '/api/v1/me/notification-preferences',
      { token, body },
    );
  const fieldsOf = (problem: ProblemDetails) => problem.errors?.map((e) => e.field);
  const linkOf = async (who: keyof TestApp['tokens'], category: 'shipped' | 'comments') => {
    const me = (await app.request<Me>('GET', '/api/v1/me', { token: app.tokens[who] })).body;
    return tokens.sign({ workspaceId: me.workspace.id, personId: me.id, category });
  };

  beforeAll(async () => {
    app = await startTestApp();
    tokens = await loadUnsubscribeTokens(app.db.dataSource.manager);
  });
  afterAll(() => app.close());

  it('start with everything on, the weekly digest only for product managers and admins', async () => {
    const customer = await preferencesOf(app.tokens.customer);
    expect([customer.status, customer.body]).toEqual([
      200,
      {
        categories: {
          shipped: true,
          status_changes: true,
          comments: true,
          merges: true,
          mentions: true,
          weekly_digest: false,
        },
        applicable: ['shipped', 'status_changes', 'comments', 'merges'],
      },
    ]);
    const manager = await preferencesOf(app.tokens.productManager);
    expect(manager.body.categories.weekly_digest).toBe(true);
    expect(manager.body.applicable).toContain('weekly_digest');
    expect((await preferencesOf(app.tokens.teammate)).body.categories.weekly_digest).toBe(false);
  });

  it('change only the categories named, for the caller only', async () => {
    const changed = await change({ categories: { comments: false, merges: false } });
    expect(changed.status).toBe(200);
    expect(changed.body.categories).toMatchObject({
      shipped: true,
      comments: false,
      merges: false,
    });
    const again = await change({ categories: { merges: true } });
    expect(again.body.categories).toMatchObject({ comments: false, merges: true });
    expect((await preferencesOf(app.tokens.customer)).body.categories).toMatchObject({
      comments: false,
      merges: true,
    });
    expect((await preferencesOf(app.tokens.otherCustomer)).body.categories.comments).toBe(true);
    const digest = await change({ categories: { weekly_digest: true } }, app.tokens.teammate);
    expect(digest.body.categories.weekly_digest).toBe(true);
  });

  it('refuse what is not a category turned on or off, naming the field', async () => {
    const unknown = await change({ categories: { newsletter: false, shipped: false } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(unknown.body)).toEqual(['categories.newsletter']);
    expect(unknown.body.detail).toContain('There is no category "newsletter"');
    expect(fieldsOf((await change({ categories: { shipped: 'no' } })).body)).toEqual([
      'categories.shipped',
    ]);
    expect(fieldsOf((await change({ categories: ['shipped'] })).body)).toEqual(['categories']);
    expect(fieldsOf((await change({})).body)).toEqual(['categories']);
    expect((await change({ categories: {}, extra: true })).status).toBe(400);
    // Nothing of a refused request was kept.
    expect((await preferencesOf(app.tokens.customer)).body.categories.shipped).toBe(true);
  });

  it('need the caller signed in', async () => {
    expect((await preferencesOf('')).status).toBe(401);
    expect(
      (await app.request('GET', '/api/v1/me/notification-preferences', { token: null })).status,
    ).toBe(401);
  });

  it('describe a link without a change, and unsubscribe with it once', async () => {
    const link = await linkOf('customer', 'shipped');
    const described = await app.request<UnsubscribeTokenView>(
      'GET',
      `/api/v1/unsubscribe?token=${link}`,
      { token: null },
    );
    expect([described.status, described.body]).toEqual([
      200,
      { category: 'shipped', workspaceName: 'Acme', subscribed: true },
    ]);
    expect((await preferencesOf(app.tokens.customer)).body.categories.shipped).toBe(true);

    const unsubscribed = await app.request<UnsubscribeTokenView>('POST', '/api/v1/unsubscribe', {
      token: null,
      body: { token: link },
    });
    expect([unsubscribed.status, unsubscribed.body.subscribed]).toEqual([200, false]);
    expect((await preferencesOf(app.tokens.customer)).body.categories).toMatchObject({
      shipped: false,
      status_changes: true,
    });
    // Another person's link, even of the same category, is theirs alone.
    const others = await linkOf('otherCustomer', 'shipped');
    expect(
      (
        await app.request<UnsubscribeTokenView>('GET', `/api/v1/unsubscribe?token=${others}`, {
          token: null,
        })
      ).body.subscribed,
    ).toBe(true);
    // Turned back on in the settings, the link's page says so.
    await change({ categories: { shipped: true } });
    expect(
      (
        await app.request<UnsubscribeTokenView>('GET', `/api/v1/unsubscribe?token=${link}`, {
          token: null,
        })
      ).body.subscribed,
    ).toBe(true);
  });

  it('refuse a token that is missing, made up or tampered with, naming the token', async () => {
    const link = await linkOf('customer', 'comments');
    const [payload, signature] = link.split('.') as [string, string];
    const tampered = `${Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('comments', 'shipped'),
    ).toString('base64url')}.${signature}`;
    const refusals = [
      await app.request<ProblemDetails>('GET', '/api/v1/unsubscribe', { token: null }),
      await app.request<ProblemDetails>('GET', '/api/v1/unsubscribe?token=made-up', {
        token: null,
      }),
      await app.request<ProblemDetails>('GET', `/api/v1/unsubscribe?token=${tampered}`, {
        token: null,
      }),
      await app.request<ProblemDetails>('POST', '/api/v1/unsubscribe', {
        token: null,
        body: { token: tampered },
      }),
      await app.request<ProblemDetails>('POST', '/api/v1/unsubscribe', { token: null, body: {} }),
    ];
    for (const refused of refusals) {
      expect({ status: refused.status, fields: fieldsOf(refused.body) }).toEqual({
        status: 400,
        fields: ['token'],
      });
    }
    expect(refusals[1]!.body.detail).toContain('This unsubscribe link is not valid.');
    expect((await preferencesOf(app.tokens.customer)).body.categories.shipped).toBe(true);
  });
});
