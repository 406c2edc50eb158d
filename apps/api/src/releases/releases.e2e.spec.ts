import { randomUUID } from 'node:crypto';
import {
  backlogItemStreamId,
  releaseNotificationsStreamId,
  type ChangelogPage,
  type NotificationPage,
  type ReleasePage,
  type ReleaseView,
} from '@chorus/domain';
import { PostgresEventStore, type CommandContext } from '@chorus/event-store';
import { eventually } from '@chorus/event-store/testing';
import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';

type Feedback = { id: string; status: string; statusKind: string; mergedInto: string | null };

describe('releases: from feedback to the customers who asked', () => {
  let app: TestApp;
  let store: PostgresEventStore;
  let workspaceId: string;
  const ids = { admin: '', teammate: '', customer: '', otherCustomer: '' };
  const feedback = { darkMode: '', csvExport: '', nightTheme: '', sso: '' };
  const items = { darkMode: randomUUID(), csvExport: randomUUID(), wip: randomUUID() };
  let nightOwl: string;
  let release: ReleaseView;

  const submit = async (title: string, token: string, body: object = {}) =>
    (
      await app.request<{ id: string }>('POST', '/api/v1/feedback', {
        token,
        body: { title, ...body },
      })
    ).body.id;
  const vote = (feedbackId: string, token: string) =>
    app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, { token });
  const follow = (method: 'PUT' | 'DELETE', feedbackId: string, token: string) =>
    app.request(method, `/api/v1/feedback/${feedbackId}/follow`, { token });
  const releaseRequest = <T = ReleaseView>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => app.request<T & ProblemDetails>(method, `/api/v1/releases${path}`, options);
  const notificationsOf = async (token: string) => {
    await app.settle();
    const response = await app.request<NotificationPage>('GET', '/api/v1/me/notifications', {
      token,
    });
    expect(response.status).toBe(200);
    return response.body;
  };
  const feedbackNow = async (id: string) =>
    (await app.request<Feedback>('GET', `/api/v1/feedback/${id}`)).body;

  /**
   * A backlog item taken through a sprint to acceptance, written as events: the backlog and
   * sprint endpoints are built alongside this one.
   */
  const givenBacklogItem = async (
    itemId: string,
    title: string,
    linkedFeedback: string[],
    upTo: 'in_progress' | 'accepted',
  ) => {
    const by = ids.teammate;
    const sprintId = randomUUID();
    const context: CommandContext = { workspaceId, actorId: by, correlationId: randomUUID() };
    const events = [
      {
        type: 'BacklogItemCreated',
        data: {
          itemId,
          kind: 'story',
          parentId: null,
          title,
          description: '',
          acceptanceCriteria: [
            { id: randomUUID(), given: 'a user', when: 'they ask', then: 'it works', met: true },
          ],
          estimate: 3,
          labels: [],
          ownerId: null,
          rank: 'a0',
          createdBy: by,
        },
      },
      ...linkedFeedback.map((feedbackId) => ({
        type: 'FeedbackLinkedToBacklogItem',
        data: { itemId, feedbackId, by },
      })),
      { type: 'BacklogItemPlanned', data: { itemId, sprintId, by } },
      {
        type: 'BacklogItemWorkStateChanged',
        data: { itemId, sprintId, from: 'todo', to: 'in_progress', by },
      },
      ...(upTo === 'accepted'
        ? [
            {
              type: 'BacklogItemWorkStateChanged',
              data: { itemId, sprintId, from: 'in_progress', to: 'done', by },
            },
            { type: 'BacklogItemAccepted', data: { itemId, sprintId, points: 3, by } },
          ]
        : []),
    ];
    await store.append(backlogItemStreamId(itemId), 0, events, context);
  };

  beforeAll(async () => {
    process.env.CHORUS_PUBLISH_POLL_MS = '100';
    app = await startTestApp();
    store = new PostgresEventStore(app.db.dataSource);
    for (const who of ['admin', 'teammate', 'customer', 'otherCustomer'] as const) {
      const me = await app.request<{ id: string; workspace: { id: string } }>('GET', '/api/v1/me', {
        token: app.tokens[who],
      });
      ids[who] = me.body.id;
      workspaceId = me.body.workspace.id;
    }
  });
  afterAll(() => app.close());

  it('starts from customers asking: they submit, vote and follow', async () => {
    // Cleo asks for dark mode and votes for CSV export; Otto asks for CSV export, votes for dark
    // mode, then unfollows it (he voted: he is still told). Tom follows dark mode; Ada follows
    // and unfollows it without voting (she is not told).
    feedback.darkMode = await submit('Dark mode', app.tokens.customer);
    feedback.csvExport = await submit('CSV export', app.tokens.otherCustomer);
    expect((await vote(feedback.darkMode, app.tokens.otherCustomer)).status).toBe(200);
    expect((await vote(feedback.csvExport, app.tokens.customer)).status).toBe(200);
    expect((await follow('DELETE', feedback.darkMode, app.tokens.otherCustomer)).status).toBe(200);
    expect((await follow('PUT', feedback.darkMode, app.tokens.teammate)).status).toBe(200);
    expect((await follow('PUT', feedback.darkMode, app.tokens.admin)).status).toBe(200);
    expect((await follow('DELETE', feedback.darkMode, app.tokens.admin)).status).toBe(200);
    // A customer a teammate heard on a call asked for the same thing: a duplicate, merged.
    const customer = await app.request<{ item: { id: string } }>(
      'PUT',
      '/api/v1/customers/night-owl',
      { body: { name: 'Nina Owl' } },
    );
    nightOwl = customer.body.item.id;
    feedback.nightTheme = await submit('Night theme', app.tokens.teammate, {
      onBehalfOf: { customerExternalId: 'night-owl', source: 'sales_call' },
    });
    await app.settle();
    const merged = await app.request('POST', `/api/v1/feedback/${feedback.nightTheme}/merge`, {
      body: { intoId: feedback.darkMode },
    });
    expect(merged.status).toBe(200);

    await givenBacklogItem(items.darkMode, 'Dark mode', [feedback.darkMode], 'accepted');
    await givenBacklogItem(items.csvExport, 'CSV export', [feedback.csvExport], 'accepted');
    await givenBacklogItem(items.wip, 'Offline mode', [], 'in_progress');
    await app.settle();
  });

  it('creates a draft release', async () => {
    const created = await releaseRequest('POST', '', {
      body: { name: ' Spring release ', date: '2027-03-15' },
    });
    expect(created.status).toBe(201);
    release = created.body;
    const { id, ...fields } = release;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fields).toEqual({
      name: 'Spring release',
      date: '2027-03-15',
      state: 'draft',
      publishAt: null,
      publishedAt: null,
      items: [],
      changelog: null,
      linkedFeedbackCount: 0,
      version: 1,
    });
    expect(created.headers.get('location')).toBe(`/api/v1/releases/${release.id}`);
    expect(created.headers.get('etag')).toBe('"1"');

    const invalid = await releaseRequest('POST', '', { body: { name: '', date: '15/03/2027' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((e) => e.field).sort()).toEqual(['date', 'name']);
  });

  it('takes accepted items only, saying why it refuses one', async () => {
    const refused = await releaseRequest('PUT', `/${release.id}/items/${items.wip}`);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe(
      '"Offline mode" is in progress: only items the Product Owner accepted can be released.',
    );
    expect(refused.body.errors?.[0]?.field).toBe('itemId');
    expect((await releaseRequest('PUT', `/${release.id}/items/${randomUUID()}`)).status).toBe(404);

    await releaseRequest('PUT', `/${release.id}/items/${items.darkMode}`);
    const added = await releaseRequest('PUT', `/${release.id}/items/${items.csvExport}`);
    expect(added.status).toBe(200);
    expect(added.body.items).toEqual([
      { id: items.darkMode, title: 'Dark mode', kind: 'story', status: 'accepted', estimate: 3 },
      { id: items.csvExport, title: 'CSV export', kind: 'story', status: 'accepted', estimate: 3 },
    ]);
    expect(added.body.linkedFeedbackCount).toBe(2);
    // Adding it again changes nothing.
    const again = await releaseRequest('PUT', `/${release.id}/items/${items.csvExport}`);
    expect(again.body.version).toBe(added.body.version);
  });

  it('needs a changelog entry before publishing', async () => {
    const early = await releaseRequest('POST', `/${release.id}/publish`);
    expect(early.status).toBe(422);
    expect(early.body.detail).toBe('Write the changelog entry before publishing the release.');

    const written = await releaseRequest('PUT', `/${release.id}/changelog`, {
      body: { title: 'Dark mode and CSV export', body: '## Dark mode\nEasy on the eyes.' },
    });
    expect(written.status).toBe(200);
    expect(written.body.changelog).toEqual({
      title: 'Dark mode and CSV export',
      body: '## Dark mode\nEasy on the eyes.',
    });
  });

  it('edits with If-Match like any editable resource', async () => {
    await app.settle();
    const read = await releaseRequest('GET', `/${release.id}`);
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toBe(`"${read.body.version}"`);
    const missing = await releaseRequest('PATCH', `/${release.id}`, { body: { name: 'Spring' } });
    expect(missing.status).toBe(428);
    const stale = await releaseRequest('PATCH', `/${release.id}`, {
      body: { name: 'Spring' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const edited = await releaseRequest('PATCH', `/${release.id}`, {
      body: { name: 'Spring 2027' },
      headers: { 'if-match': etag },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.name).toBe('Spring 2027');
  });

  it('lists releases newest first, and by state', async () => {
    await releaseRequest('POST', '', { body: { name: 'Winter release', date: '2026-12-01' } });
    await app.settle();
    const all = await releaseRequest<ReleasePage>('GET', '?limit=1');
    expect(all.body.items.map((r) => r.name)).toEqual(['Spring 2027']);
    expect(all.body.items[0]).toMatchObject({
      items: [
        { id: items.darkMode, status: 'accepted' },
        { id: items.csvExport, status: 'accepted' },
      ],
      linkedFeedbackCount: 2,
      changelog: { title: 'Dark mode and CSV export' },
    });
    const next = await releaseRequest<ReleasePage>(
      'GET',
      `?limit=1&cursor=${all.body.nextCursor ?? ''}`,
    );
    expect(next.body.items.map((r) => r.name)).toEqual(['Winter release']);
    expect(next.body.nextCursor).toBeNull();
    const published = await releaseRequest<ReleasePage>('GET', '?state=published');
    expect(published.body.items).toEqual([]);
    expect((await releaseRequest('GET', '?state=shipped')).status).toBe(400);
  });

  it('publishes: items released, feedback done, everyone who asked notified once', async () => {
    const published = await releaseRequest('POST', `/${release.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect(Date.parse(published.body.publishedAt ?? '')).not.toBeNaN();
    expect(published.body.items.map((i) => i.status)).toEqual(['released', 'released']);
    await app.settle();

    expect(await feedbackNow(feedback.darkMode)).toMatchObject({
      status: 'done',
      statusKind: 'done',
    });
    expect(await feedbackNow(feedback.csvExport)).toMatchObject({ status: 'done' });
    // The merged duplicate keeps its status: its survivor is what people see.
    expect(await feedbackNow(feedback.nightTheme)).toMatchObject({
      status: 'open',
      mergedInto: feedback.darkMode,
    });

    const cleo = await notificationsOf(app.tokens.customer);
    expect(cleo.unreadCount).toBe(1);
    expect(cleo.items).toHaveLength(1);
    const [{ id, createdAt, feedback: asked, ...notification }] = cleo.items as [
      NotificationPage['items'][number],
    ];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(createdAt)).not.toBeNaN();
    expect(notification).toEqual({
      kind: 'feedback_shipped',
      releaseId: release.id,
      releaseName: 'Spring 2027',
      read: false,
    });
    expect(asked.sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { id: feedback.csvExport, title: 'CSV export' },
      { id: feedback.darkMode, title: 'Dark mode' },
    ]);
    const otto = await notificationsOf(app.tokens.otherCustomer);
    expect(otto.items.map((n) => n.feedback.map((f) => f.id).sort())).toEqual([
      [feedback.darkMode, feedback.csvExport].sort(),
    ]);
    const tom = await notificationsOf(app.tokens.teammate);
    expect(tom.items.map((n) => n.feedback.map((f) => f.id))).toEqual([[feedback.darkMode]]);
    const ada = await notificationsOf(app.tokens.admin);
    expect(ada).toEqual({ items: [], unreadCount: 0, nextCursor: null });
    // The customer captured on the call asked through the duplicate: told about dark mode.
    const [owl] = await app.db.dataSource.query<{ feedback_ids: string[] }[]>(
      `SELECT feedback_ids FROM notifications WHERE person_id = $1 AND kind = 'feedback_shipped'`,
      [nightOwl],
    );
    expect(owl?.feedback_ids).toEqual([feedback.darkMode]);
  });

  it('records every step as an event on its stream', async () => {
    const events = await app.db.dataSource.query<{ stream_id: string; type: string }[]>(
      `SELECT stream_id, type FROM events WHERE metadata->>'correlationId' = (
         SELECT metadata->>'correlationId' FROM events WHERE type = 'ReleasePublished'
         AND data->>'releaseId' = $1)
       ORDER BY stream_id, version`,
      [release.id],
    );
    const types = (streamId: string) =>
      events.filter((e) => e.stream_id === streamId).map((e) => e.type);
    expect(types(`release-${release.id}`)).toEqual(['ReleasePublished']);
    expect(types(backlogItemStreamId(items.darkMode))).toEqual(['BacklogItemReleased']);
    expect(types(`feedback-${feedback.csvExport}`)).toEqual(['FeedbackStatusChanged']);
    expect(types(releaseNotificationsStreamId(release.id))).toEqual([
      'PersonNotified',
      'PersonNotified',
      'PersonNotified',
      'PersonNotified',
    ]);
  });

  it('refuses to publish twice, and nobody is notified twice', async () => {
    const again = await releaseRequest('POST', `/${release.id}/publish`);
    expect(again.status).toBe(422);
    expect(again.body.detail).toMatch(/was already published/);
    const renamed = await releaseRequest('PUT', `/${release.id}/changelog`, {
      body: { title: 'Rewritten', body: '' },
    });
    expect(renamed.status).toBe(422);
    expect((await notificationsOf(app.tokens.customer)).items).toHaveLength(1);
  });

  it('shows the published changelog to the workspace and, without a token, to anyone', async () => {
    await app.settle();
    const entry = {
      releaseId: release.id,
      name: 'Spring 2027',
      date: '2027-03-15',
      title: 'Dark mode and CSV export',
      body: '## Dark mode\nEasy on the eyes.',
      items: [
        { id: items.darkMode, title: 'Dark mode', kind: 'story' },
        { id: items.csvExport, title: 'CSV export', kind: 'story' },
      ],
    };
    const own = await app.request<ChangelogPage>('GET', '/api/v1/changelog', {
      token: app.tokens.customer,
    });
    const withoutTime = (page: ChangelogPage) =>
      page.items.map(({ publishedAt, ...rest }) => {
        expect(Date.parse(publishedAt)).not.toBeNaN();
        return rest;
      });
    expect(withoutTime(own.body)).toEqual([entry]);
    expect(own.body.nextCursor).toBeNull();
    const open = await app.request<ChangelogPage>('GET', '/api/v1/public/acme/changelog', {
      token: null,
    });
    expect(open.status).toBe(200);
    expect(withoutTime(open.body)).toEqual([entry]);
    const elsewhere = await app.request<ChangelogPage>('GET', '/api/v1/public/globex/changelog', {
      token: null,
    });
    expect(elsewhere.body.items).toEqual([]);
    const unknown = await app.request('GET', '/api/v1/public/nobody-here/changelog', {
      token: null,
    });
    expect(unknown.status).toBe(404);
    expect((await app.request('GET', '/api/v1/changelog', { token: null })).status).toBe(401);
  });

  it('marks notifications read, once', async () => {
    const [mine] = (await notificationsOf(app.tokens.customer)).items;
    const othersId = (await notificationsOf(app.tokens.otherCustomer)).items[0]?.id;
    const notMine = await app.request('POST', '/api/v1/me/notifications/read', {
      token: app.tokens.customer,
      body: { ids: [othersId] },
    });
    expect(notMine.status).toBe(404);
    const read = await app.request('POST', '/api/v1/me/notifications/read', {
      token: app.tokens.customer,
      body: { ids: [mine?.id] },
    });
    expect(read.body).toEqual({ read: 1, unreadCount: 0 });
    const after = await notificationsOf(app.tokens.customer);
    expect(after.unreadCount).toBe(0);
    expect(after.items[0]?.read).toBe(true);
    const again = await app.request('POST', '/api/v1/me/notifications/read', {
      token: app.tokens.customer,
      body: {},
    });
    expect(again.body).toEqual({ read: 0, unreadCount: 0 });
    // Without a body: every unread notification.
    const all = await app.request('POST', '/api/v1/me/notifications/read', {
      token: app.tokens.otherCustomer,
    });
    expect(all.body).toEqual({ read: 1, unreadCount: 0 });
  });

  it('lets one of two simultaneous publications win; the other is told, nobody hears twice', async () => {
    const webhooks = await submit('Webhooks', app.tokens.otherCustomer);
    const webhooksItem = randomUUID();
    await givenBacklogItem(webhooksItem, 'Webhooks', [webhooks], 'accepted');
    const race = (
      await releaseRequest('POST', '', { body: { name: 'Hotfix', date: '2027-03-20' } })
    ).body;
    await releaseRequest('PUT', `/${race.id}/items/${webhooksItem}`);
    await releaseRequest('PUT', `/${race.id}/changelog`, {
      body: { title: 'Webhooks', body: 'POSTs on every change.' },
    });
    // Recipients come from the read models: let them see the author first.
    await app.settle();
    const attempts = await Promise.all([
      releaseRequest('POST', `/${race.id}/publish`),
      releaseRequest('POST', `/${race.id}/publish`, { token: app.tokens.productManager }),
    ]);
    expect(attempts.map((a) => a.status).sort()).toEqual([200, 422]);
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE stream_id = $1`,
      [releaseNotificationsStreamId(race.id)],
    );
    expect(count).toBe(1);
    await app.settle();
    expect(await feedbackNow(webhooks)).toMatchObject({ status: 'done' });
  });

  it('publishes a scheduled release when its time comes', async () => {
    feedback.sso = await submit('Single sign-on', app.tokens.customer);
    const ssoItem = randomUUID();
    await givenBacklogItem(ssoItem, 'SAML single sign-on', [feedback.sso], 'accepted');
    const summer = (
      await releaseRequest('POST', '', { body: { name: 'Summer release', date: '2027-06-21' } })
    ).body;
    await releaseRequest('PUT', `/${summer.id}/items/${ssoItem}`);
    await releaseRequest('PUT', `/${summer.id}/changelog`, {
      body: { title: 'Single sign-on', body: 'SAML, at last.' },
    });
    const past = await releaseRequest('POST', `/${summer.id}/schedule`, {
      body: { publishAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(past.status).toBe(422);
    expect(past.body.errors?.[0]?.field).toBe('publishAt');

    const publishAt = new Date(Date.now() + 1_500).toISOString();
    const scheduled = await releaseRequest('POST', `/${summer.id}/schedule`, {
      body: { publishAt },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ state: 'scheduled', publishAt });

    const published = await eventually(async () => {
      await app.settle();
      const read = await releaseRequest('GET', `/${summer.id}`);
      if (read.body.state !== 'published') throw new Error('not published yet');
      return read.body;
    }, 20_000);
    expect(published.items.map((i) => i.status)).toEqual(['released']);
    expect(await feedbackNow(feedback.sso)).toMatchObject({ status: 'done' });
    const cleo = await notificationsOf(app.tokens.customer);
    expect(cleo.unreadCount).toBe(1);
    expect(cleo.items[0]).toMatchObject({
      releaseName: 'Summer release',
      feedback: [{ id: feedback.sso, title: 'Single sign-on' }],
    });
    // In the name of the teammate who scheduled it.
    const [publication] = await app.db.dataSource.query<{ by: string; actor: string }[]>(
      `SELECT data->>'by' AS by, metadata->>'actorId' AS actor FROM events
       WHERE type = 'ReleasePublished' AND data->>'releaseId' = $1`,
      [summer.id],
    );
    expect(publication).toEqual({ by: ids.admin, actor: ids.admin });
  });

  it('unschedules back to a draft', async () => {
    const shortcuts = randomUUID();
    await givenBacklogItem(shortcuts, 'Keyboard shortcuts', [], 'accepted');
    const autumn = (
      await releaseRequest('POST', '', { body: { name: 'Autumn release', date: '2027-09-21' } })
    ).body;
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const noItems = await releaseRequest('POST', `/${autumn.id}/schedule`, {
      body: { publishAt: inAnHour },
    });
    expect(noItems.status).toBe(422);
    await releaseRequest('PUT', `/${autumn.id}/items/${shortcuts}`);
    await releaseRequest('PUT', `/${autumn.id}/changelog`, {
      body: { title: 'Keyboard shortcuts', body: 'Press ? to see them.' },
    });
    const scheduled = await releaseRequest('POST', `/${autumn.id}/schedule`, {
      body: { publishAt: inAnHour },
    });
    expect(scheduled.body).toMatchObject({ state: 'scheduled', publishAt: inAnHour });
    const lastItem = await releaseRequest('DELETE', `/${autumn.id}/items/${shortcuts}`);
    expect(lastItem.status).toBe(422);
    expect(lastItem.body.detail).toMatch(/unschedule it before removing its last item/);
    const unscheduled = await releaseRequest('DELETE', `/${autumn.id}/schedule`);
    expect(unscheduled.status).toBe(200);
    expect(unscheduled.body).toMatchObject({ state: 'draft', publishAt: null });
    const removed = await releaseRequest('DELETE', `/${autumn.id}/items/${shortcuts}`);
    expect(removed.body.items).toEqual([]);
  });

  it('lets only teammates manage releases', async () => {
    const token = app.tokens.customer;
    const attempts = [
      releaseRequest('POST', '', { token, body: { name: 'Mine', date: '2027-01-01' } }),
      releaseRequest('PATCH', `/${release.id}`, {
        token,
        body: { name: 'Mine' },
        headers: { 'if-match': '"1"' },
      }),
      releaseRequest('PUT', `/${release.id}/items/${items.darkMode}`, { token }),
      releaseRequest('DELETE', `/${release.id}/items/${items.darkMode}`, { token }),
      releaseRequest('PUT', `/${release.id}/changelog`, {
        token,
        body: { title: 'Mine now', body: '' },
      }),
      releaseRequest('POST', `/${release.id}/schedule`, {
        token,
        body: { publishAt: new Date(Date.now() + 3_600_000).toISOString() },
      }),
      releaseRequest('DELETE', `/${release.id}/schedule`, { token }),
      releaseRequest('POST', `/${release.id}/publish`, { token }),
      releaseRequest('GET', '', { token }),
      releaseRequest('GET', `/${release.id}`, { token }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual(Array(10).fill(403));
  });

  it('keeps each workspace’s releases and items to itself', async () => {
    const token = app.tokens.outsider;
    expect((await releaseRequest('GET', `/${release.id}`, { token })).status).toBe(404);
    expect((await releaseRequest('POST', `/${release.id}/publish`, { token })).status).toBe(404);
    const changelog = await releaseRequest('PUT', `/${release.id}/changelog`, {
      token,
      body: { title: 'Hijacked', body: '' },
    });
    expect(changelog.status).toBe(404);
    const theirs = (
      await releaseRequest('POST', '', { token, body: { name: 'Globex 1', date: '2027-01-01' } })
    ).body;
    const borrowed = await releaseRequest('PUT', `/${theirs.id}/items/${items.wip}`, { token });
    expect(borrowed.status).toBe(404);
    await app.settle();
    const list = await releaseRequest<ReleasePage>('GET', '', { token });
    expect(list.body.items.map((r) => r.name)).toEqual(['Globex 1']);
    const notifications = await notificationsOf(token);
    expect(notifications.items).toEqual([]);
  });
});
