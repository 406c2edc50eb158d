import type { FeedbackPage } from '@chorus/domain';
import type { ProblemDetails } from '../../platform/problem-details';
import { startTestApp, type TestApp } from '../../testing/test-app';

describe('my feedback: what a person submitted, awaiting approval included', () => {
  let app: TestApp;
  const submit = async (token: string, title: string, boardId?: string) =>
    (
      await app.request<{ id: string; moderation: string }>('POST', '/api/v1/feedback', {
        token,
        body: { title, ...(boardId ? { boardId } : {}) },
      })
    ).body;
  const mine = async (token: string, query = '') => {
    await app.settle();
    return app.request<FeedbackPage>('GET', `/api/v1/me/feedback${query}`, { token });
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.request('POST', '/api/v1/catalog/boards', {
      body: { id: 'mobile', name: 'Mobile', requiresApproval: true },
    });
  });
  afterAll(() => app.close());

  it("lists the reader's own posts, pending ones too, and nobody else's", async () => {
    const published = await submit(app.tokens.customer, 'Dark mode');
    const pending = await submit(app.tokens.customer, 'Offline mode', 'mobile');
    expect(pending.moderation).toBe('pending');
    const othersPending = await submit(app.tokens.otherCustomer, 'Tablet layout', 'mobile');
    await submit(app.tokens.admin, 'Keyboard shortcuts');

    const customers = await mine(app.tokens.customer);
    expect(customers.status).toBe(200);
    expect(customers.body.items.map((i) => [i.id, i.moderation])).toEqual([
      [pending.id, 'pending'],
      [published.id, 'approved'],
    ]);
    expect(customers.body.nextCursor).toBeNull();
    // The inbox itself still leaves posts awaiting approval out.
    const inbox = await app.request<FeedbackPage>('GET', '/api/v1/feedback?limit=100', {
      token: app.tokens.customer,
    });
    expect(inbox.body.items.map((i) => i.id)).not.toContain(pending.id);

    const others = await mine(app.tokens.otherCustomer);
    expect(others.body.items.map((i) => i.id)).toEqual([othersPending.id]);
    expect((await mine(app.tokens.outsider)).body.items).toEqual([]);
  });

  it('drops a post once a teammate rejects it', async () => {
    const post = await submit(app.tokens.otherCustomer, 'Widgets on the home screen', 'mobile');
    expect((await mine(app.tokens.otherCustomer)).body.items.map((i) => i.id)).toContain(post.id);
    const rejected = await app.request('POST', `/api/v1/feedback/${post.id}/reject`, {
      body: { reason: 'Not for now' },
    });
    expect(rejected.status).toBe(200);
    expect((await mine(app.tokens.otherCustomer)).body.items.map((i) => i.id)).not.toContain(
      post.id,
    );
  });

  it('pages newest first with a cursor, and refuses a forged one', async () => {
    const all = (await mine(app.tokens.customer)).body.items.map((i) => i.id);
    const first = await mine(app.tokens.customer, '?limit=1');
    expect(first.body.items.map((i) => i.id)).toEqual([all[0]]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await mine(app.tokens.customer, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i) => i.id)).toEqual([all[1]]);
    expect(second.body.nextCursor).toBeNull();

    const forged = await mine(app.tokens.customer, '?cursor=bm9wZQ');
    expect(forged.status).toBe(400);
    expect((forged.body as unknown as ProblemDetails).errors?.[0]?.field).toBe('cursor');
    const tooMany = await mine(app.tokens.customer, '?limit=500');
    expect(tooMany.status).toBe(400);
  });

  it('asks who is reading', async () => {
    expect((await app.request('GET', '/api/v1/me/feedback', { token: null })).status).toBe(401);
  });
});
