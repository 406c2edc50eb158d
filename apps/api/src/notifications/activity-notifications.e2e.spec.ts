import type { NotificationPage, NotificationView } from '@chorus/domain';
import { PostgresEventStore, rebuildProjection } from '@chorus/event-store';
import { projections } from '@chorus/worker';
import { startTestApp, type TestApp } from '../testing/test-app';

type Who = 'admin' | 'teammate' | 'customer' | 'otherCustomer';

/**
 * Cleo asks for dark mode and Otto votes on it; Otto also asked for a night theme, which turns
 * out to be the same. Tom moves, comments and mentions; Ada merges.
 */
describe('notifications of status changes, comments, merges and mentions', () => {
  let app: TestApp;
  const ids: Record<Who, string> = { admin: '', teammate: '', customer: '', otherCustomer: '' };
  let darkMode: string;
  let nightTheme: string;

  const inbox = async (who: Who): Promise<NotificationView[]> => {
    await app.settle();
    const response = await app.request<NotificationPage>('GET', '/api/v1/me/notifications', {
      token: app.tokens[who],
    });
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const kindsOf = async (who: Who) => (await inbox(who)).map((n) => n.kind);
  const submit = async (title: string, who: Who) =>
    (
      await app.request<{ id: string }>('POST', '/api/v1/feedback', {
        token: app.tokens[who],
        body: { title },
      })
    ).body.id;
  const comment = async (who: Who, body: string, visibility: 'public' | 'internal' = 'public') => {
    const response = await app.request<{ id: string }>(
      'POST',
      `/api/v1/feedback/${darkMode}/comments`,
      { token: app.tokens[who], body: { body, visibility } },
    );
    expect(response.status).toBe(201);
    return response.body.id;
  };

  beforeAll(async () => {
    app = await startTestApp();
    for (const who of Object.keys(ids) as Who[]) {
      ids[who] = (
        await app.request<{ id: string }>('GET', '/api/v1/me', { token: app.tokens[who] })
      ).body.id;
    }
    darkMode = await submit('Dark mode', 'customer');
    nightTheme = await submit('Night theme', 'otherCustomer');
    const voted = await app.request('POST', `/api/v1/feedback/${darkMode}/votes`, {
      token: app.tokens.otherCustomer,
    });
    expect(voted.status).toBe(200);
    await app.settle();
  });
  afterAll(() => app.close());

  it("tells the feedback's followers once of a status change, and not the teammate who made it", async () => {
    const moved = await app.request<{ version: number }>(
      'POST',
      `/api/v1/feedback/${darkMode}/status`,
      { token: app.tokens.teammate, body: { status: 'planned' } },
    );
    expect(moved.status).toBe(200);
    // Moving it to where it is already changes nothing, and tells nobody again.
    const again = await app.request('POST', `/api/v1/feedback/${darkMode}/status`, {
      token: app.tokens.teammate,
      body: { status: 'planned' },
    });
    expect(again.status).toBe(200);

    const [cleo, ...more] = await inbox('customer');
    expect(more).toEqual([]);
    expect(cleo).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      kind: 'status_changed',
      by: { id: ids.teammate, name: 'Tom Teammate' },
      status: { id: 'planned', name: 'Planned' },
      feedback: [{ id: darkMode, title: 'Dark mode' }],
      createdAt: expect.any(String) as unknown,
      read: false,
    });
    expect(await kindsOf('otherCustomer')).toEqual(['status_changed']);
    expect(await kindsOf('teammate')).toEqual([]);

    const [stream] = await app.db.dataSource.query<{ stream_id: string; count: number }[]>(
      `SELECT stream_id, count(*)::int AS count FROM events
       WHERE type = 'PersonNotified' AND stream_id LIKE $1 GROUP BY stream_id`,
      [`notifications-feedback-${darkMode}-%`],
    );
    expect(stream).toEqual({
      stream_id: `notifications-feedback-${darkMode}-${moved.body.version}`,
      count: 2,
    });
  });

  it('tells followers of a public comment, but no customer of an internal one; @handle mentions a teammate', async () => {
    await comment('otherCustomer', 'Please make it follow the system setting.');
    expect(await kindsOf('customer')).toEqual(['comment_posted', 'status_changed']);
    expect(await kindsOf('otherCustomer')).toEqual(['status_changed']);
    expect(await kindsOf('teammate')).toEqual([]);

    const internal = await comment('admin', 'Big account: @TOM, can you size it?', 'internal');
    expect(await kindsOf('customer')).toEqual(['comment_posted', 'status_changed']);
    expect(await kindsOf('otherCustomer')).toEqual(['status_changed']);
    const [mention] = await inbox('teammate');
    expect(mention).toMatchObject({
      kind: 'mentioned',
      by: { id: ids.admin, name: 'Ada Admin' },
      commentId: internal,
      feedback: [{ id: darkMode, title: 'Dark mode' }],
    });

    // Customers cannot be mentioned: Cleo hears of this reply as a follower, once.
    await comment('teammate', 'Thanks @cleo, it is planned. @ada fyi.');
    expect(await kindsOf('customer')).toEqual([
      'comment_posted',
      'comment_posted',
      'status_changed',
    ]);
    expect(await kindsOf('admin')).toEqual(['mentioned']);
    expect(await kindsOf('teammate')).toEqual(['mentioned']);
  });

  it("tells the duplicate's followers where it was merged", async () => {
    const merged = await app.request('POST', `/api/v1/feedback/${nightTheme}/merge`, {
      body: { intoId: darkMode },
    });
    expect(merged.status).toBe(200);
    const [otto] = await inbox('otherCustomer');
    expect(otto).toMatchObject({
      kind: 'feedback_merged',
      by: { id: ids.admin, name: 'Ada Admin' },
      feedback: [{ id: nightTheme, title: 'Night theme' }],
      into: { id: darkMode, title: 'Dark mode' },
    });
    expect(await kindsOf('customer')).not.toContain('feedback_merged');
    expect(await kindsOf('admin')).toEqual(['mentioned']);
  });

  it("keeps the notifications out of the feedback's timeline: they would bury what happened", async () => {
    const timeline = await app.request<{ entries: { type: string }[] }>(
      'GET',
      `/api/v1/feedback/${darkMode}/timeline`,
    );
    expect(timeline.status).toBe(200);
    const types = timeline.body.entries.map((e) => e.type);
    expect(types).toContain('FeedbackMerged');
    expect(types).not.toContain('PersonNotified');
  });

  it('ends with the same notifications when the read models are rebuilt from the log', async () => {
    await app.settle();
    const everyone = async () => Promise.all((Object.keys(ids) as Who[]).map((who) => inbox(who)));
    const before = await everyone();
    const store = new PostgresEventStore(app.db.dataSource);
    for (const projection of projections) {
      await rebuildProjection(app.db.dataSource, store, projection);
    }
    expect(await everyone()).toEqual(before);
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE type = 'PersonNotified'`,
    );
    expect(count).toBe(before.flat().length);
  });
});
