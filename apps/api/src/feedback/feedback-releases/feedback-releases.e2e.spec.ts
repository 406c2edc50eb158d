import { randomUUID } from 'node:crypto';
import { backlogItemStreamId, type FeedbackReleases, type ReleaseView } from '@chorus/domain';
import { PostgresEventStore, type CommandContext } from '@chorus/event-store';
import { startTestApp, type TestApp } from '../../testing/test-app';

describe('where a request shipped: GET /api/v1/feedback/:id/releases', () => {
  let app: TestApp;
  let store: PostgresEventStore;
  let workspaceId: string;
  let teammateId: string;
  const feedback = { darkMode: '', nightTheme: '', csvExport: '' };
  const items = {
    darkMode: randomUUID(),
    nightTheme: randomUUID(),
    drafted: randomUUID(),
    scheduled: randomUUID(),
  };
  const releases = { spring: '', summer: '' };

  const submit = async (title: string, token: string) =>
    (await app.request<{ id: string }>('POST', '/api/v1/feedback', { token, body: { title } })).body
      .id;
  const shippedIn = (feedbackId: string, token?: string) =>
    app.request<FeedbackReleases>('GET', `/api/v1/feedback/${feedbackId}/releases`, { token });
  const namesShippedIn = async (feedbackId: string, token?: string) => {
    const response = await shippedIn(feedbackId, token);
    expect(response.status).toBe(200);
    return response.body.items.map((release) => release.name);
  };
  /** A release holding one item, with its changelog entry written: ready to publish. */
  const givenRelease = async (name: string, itemId: string, changelogTitle: string) => {
    const created = await app.request<ReleaseView>('POST', '/api/v1/releases', {
      body: { name, date: '2027-03-15' },
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    expect((await app.request('PUT', `/api/v1/releases/${id}/items/${itemId}`)).status).toBe(200);
    const written = await app.request('PUT', `/api/v1/releases/${id}/changelog`, {
      body: { title: changelogTitle, body: `${changelogTitle}.` },
    });
    expect(written.status).toBe(200);
    return id;
  };
  const publish = async (releaseId: string) => {
    const published = await app.request<ReleaseView>(
      'POST',
      `/api/v1/releases/${releaseId}/publish`,
    );
    expect(published.status).toBe(200);
    await app.settle();
    return published.body;
  };

  /** An accepted story answering the feedback, written as events like the releases test. */
  const givenAcceptedItem = async (itemId: string, title: string, feedbackId: string) => {
    const by = teammateId;
    const sprintId = randomUUID();
    const context: CommandContext = { workspaceId, actorId: by, correlationId: randomUUID() };
    await store.append(
      backlogItemStreamId(itemId),
      0,
      [
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
        { type: 'FeedbackLinkedToBacklogItem', data: { itemId, feedbackId, by } },
        { type: 'BacklogItemPlanned', data: { itemId, sprintId, by } },
        {
          type: 'BacklogItemWorkStateChanged',
          data: { itemId, sprintId, from: 'todo', to: 'in_progress', by },
        },
        {
          type: 'BacklogItemWorkStateChanged',
          data: { itemId, sprintId, from: 'in_progress', to: 'done', by },
        },
        { type: 'BacklogItemAccepted', data: { itemId, sprintId, points: 3, by } },
      ],
      context,
    );
  };

  beforeAll(async () => {
    app = await startTestApp();
    store = new PostgresEventStore(app.db.dataSource);
    const me = await app.request<{ id: string; workspace: { id: string } }>('GET', '/api/v1/me', {
      token: app.tokens.teammate,
    });
    teammateId = me.body.id;
    workspaceId = me.body.workspace.id;

    feedback.darkMode = await submit('Dark mode', app.tokens.customer);
    feedback.nightTheme = await submit('Night theme', app.tokens.otherCustomer);
    feedback.csvExport = await submit('CSV export', app.tokens.otherCustomer);
    await givenAcceptedItem(items.darkMode, 'Dark mode', feedback.darkMode);
    await givenAcceptedItem(items.nightTheme, 'Night theme', feedback.nightTheme);
    await givenAcceptedItem(items.drafted, 'Dark mode schedules', feedback.darkMode);
    await givenAcceptedItem(items.scheduled, 'Dark mode per board', feedback.darkMode);
    await app.settle();
    // The night theme asks for the same thing: merged into dark mode after its story was linked.
    const merged = await app.request('POST', `/api/v1/feedback/${feedback.nightTheme}/merge`, {
      body: { intoId: feedback.darkMode },
    });
    expect(merged.status).toBe(200);
  });
  afterAll(() => app.close());

  it('names no release before one is published: drafts and schedules are not public yet', async () => {
    releases.spring = await givenRelease('Spring', items.darkMode, 'Dark mode is here');
    await givenRelease('Autumn draft', items.drafted, 'Schedules for dark mode');
    const scheduled = await givenRelease('Winter', items.scheduled, 'Dark mode per board');
    const schedule = await app.request('POST', `/api/v1/releases/${scheduled}/schedule`, {
      body: { publishAt: '2099-01-01T09:00:00.000Z' },
    });
    expect(schedule.status).toBe(200);
    await app.settle();

    for (const token of [app.tokens.admin, app.tokens.customer, app.tokens.otherCustomer]) {
      expect((await shippedIn(feedback.darkMode, token)).body).toEqual({ items: [] });
    }
  });

  it('names the release once it is published, with its changelog entry', async () => {
    const spring = await publish(releases.spring);
    const expected = {
      items: [
        {
          releaseId: releases.spring,
          name: 'Spring',
          date: '2027-03-15',
          publishedAt: spring.publishedAt,
          changelogTitle: 'Dark mode is here',
        },
      ],
    };
    for (const token of [app.tokens.admin, app.tokens.customer, app.tokens.viewer]) {
      const response = await shippedIn(feedback.darkMode, token);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expected);
    }
    expect(await namesShippedIn(feedback.csvExport)).toEqual([]);
  });

  it('names a release that shipped a duplicate merged into the item, newest first', async () => {
    releases.summer = await givenRelease('Summer', items.nightTheme, 'A theme for the night');
    await publish(releases.summer);

    expect(await namesShippedIn(feedback.darkMode, app.tokens.customer)).toEqual([
      'Summer',
      'Spring',
    ]);
    // The duplicate itself answers only what was linked to it.
    expect(await namesShippedIn(feedback.nightTheme, app.tokens.customer)).toEqual(['Summer']);
  });

  it('answers 404 for an item the reader may not see, as reading the item does', async () => {
    const outsider = await shippedIn(feedback.darkMode, app.tokens.outsider);
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain('Spring');
    expect((await shippedIn(randomUUID())).status).toBe(404);
    expect((await shippedIn('not-an-id')).status).toBe(400);

    const spam = await app.request('PUT', `/api/v1/feedback/${feedback.csvExport}/spam`);
    expect(spam.status).toBe(200);
    await app.settle();
    expect((await shippedIn(feedback.csvExport, app.tokens.customer)).status).toBe(404);
    expect((await shippedIn(feedback.csvExport, app.tokens.admin)).status).toBe(200);
  });
});
