import type {
  BacklogItemView,
  NotificationPage,
  PlanResult,
  RankedPage,
  ReleaseView,
  SprintView,
} from '@chorus/domain';
import { startTestApp, type TestApp } from './testing/test-app';

type Feedback = { id: string; status: string; statusKind: string };

/**
 * The loop of the seed article, through the public API only: feedback → a story with acceptance
 * criteria → ranked by a live score → planned in a sprint → accepted → released → the customers
 * who asked are notified, each step an event on a stream.
 */
describe('closing the loop, end to end over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const ok = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const response = await app.request<T>(method, path, { body, token });
    expect([method, path, response.status]).toEqual([
      method,
      path,
      method === 'POST' && response.status === 201 ? 201 : 200,
    ]);
    return response.body;
  };

  it('takes the most wanted request from a customer to a notification that it shipped', async () => {
    const { customer, otherCustomer } = app.tokens;
    const wanted = (
      await ok<{ id: string }>('POST', '/api/v1/feedback', { title: 'Export as CSV' }, customer)
    ).id;
    const quiet = (
      await ok<{ id: string }>('POST', '/api/v1/feedback', { title: 'Purple theme' }, otherCustomer)
    ).id;
    await ok('POST', `/api/v1/feedback/${wanted}/votes`, undefined, otherCustomer);

    const story = (title: string, feedbackId: string) =>
      ok<BacklogItemView>('POST', '/api/v1/backlog', {
        kind: 'story',
        title,
        acceptanceCriteria: [
          { given: 'a filtered inbox', when: 'I export', then: 'a CSV of those rows downloads' },
        ],
        estimate: 3,
        feedbackIds: [feedbackId],
      });
    const exportStory = await story('CSV export of the inbox', wanted);
    const themeStory = await story('Purple theme', quiet);
    expect(exportStory.ready).toBe(true);

    // Reach in the default RICE model is live: the export's feedback has more voters.
    await app.settle();
    const next = await ok<RankedPage>('GET', '/api/v1/prioritisation/next');
    expect(next.items.map((i) => i.itemId)).toEqual([exportStory.id, themeStory.id]);
    const reachOf = (rank: number) =>
      next.items[rank]?.breakdown?.factors.find((f) => f.key === 'reach');
    expect(reachOf(0)).toMatchObject({ live: true });
    expect(reachOf(0)?.value).toBeGreaterThan(reachOf(1)?.value ?? 0);

    const sprint = await ok<SprintView>('POST', '/api/v1/sprints', {
      name: 'Sprint 1',
      startDate: '2027-01-04',
      endDate: '2027-01-15',
      capacity: 5,
    });
    const planned = await ok<PlanResult>('POST', `/api/v1/sprints/${sprint.id}/items`, {
      itemId: exportStory.id,
    });
    expect(planned.warning).toBeNull();
    await ok('POST', `/api/v1/sprints/${sprint.id}/start`);
    for (const to of ['in_progress', 'in_review', 'done']) {
      await ok('POST', `/api/v1/backlog/${exportStory.id}/work-state`, { to });
    }
    const [criterion] = exportStory.acceptanceCriteria;
    await ok('PUT', `/api/v1/backlog/${exportStory.id}/acceptance-criteria/${criterion!.id}`, {
      met: true,
    });
    await ok('POST', `/api/v1/backlog/${exportStory.id}/accept`);

    const release = await ok<ReleaseView>('POST', '/api/v1/releases', {
      name: '2027.1',
      date: '2027-01-20',
    });
    await ok('PUT', `/api/v1/releases/${release.id}/items/${exportStory.id}`);
    await ok('PUT', `/api/v1/releases/${release.id}/changelog`, {
      title: 'Export your inbox as CSV',
      body: 'Choose **Export** on any filtered view.',
    });
    await ok('POST', `/api/v1/releases/${release.id}/publish`);
    await app.settle();

    expect((await ok<Feedback>('GET', `/api/v1/feedback/${wanted}`)).statusKind).toBe('done');
    expect((await ok<Feedback>('GET', `/api/v1/feedback/${quiet}`)).statusKind).toBe('open');
    for (const token of [customer, otherCustomer]) {
      const inbox = await ok<NotificationPage>('GET', '/api/v1/me/notifications', undefined, token);
      const shipped = inbox.items.filter(
        (n) => n.kind === 'feedback_shipped' && n.releaseId === release.id,
      );
      expect(shipped.map((n) => n.feedback.map((f) => f.id))).toEqual([[wanted]]);
    }

    const typesOn = async (streamId: string) =>
      (
        await app.db.dataSource.query<{ type: string }[]>(
          `SELECT type FROM events WHERE stream_id = $1 ORDER BY version`,
          [streamId],
        )
      ).map((e) => e.type);
    expect(await typesOn(`backlog-item-${exportStory.id}`)).toEqual([
      'BacklogItemCreated',
      'FeedbackLinkedToBacklogItem',
      'BacklogItemPlanned',
      'BacklogItemWorkStateChanged',
      'BacklogItemWorkStateChanged',
      'BacklogItemWorkStateChanged',
      'AcceptanceCriterionChecked',
      'BacklogItemAccepted',
      'BacklogItemReleased',
    ]);
    expect(await typesOn(`sprint-${sprint.id}`)).toEqual(['SprintCreated', 'SprintStarted']);
    expect(await typesOn(`release-${release.id}`)).toEqual([
      'ReleaseCreated',
      'ReleaseItemAdded',
      'ChangelogEntryWritten',
      'ReleasePublished',
    ]);
    expect((await typesOn(`feedback-${wanted}`)).at(-1)).toBe('FeedbackStatusChanged');
    expect(await typesOn(`notifications-release-${release.id}`)).toEqual([
      'PersonNotified',
      'PersonNotified',
    ]);
  });
});
