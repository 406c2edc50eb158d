import { startTestApp, type TestApp } from '../../testing/test-app';
import type { ProblemDetails } from '../../platform/problem-details';

type Page = {
  items: { id: string; title: string; voteCount: number; status: string }[];
  nextCursor: string | null;
};

describe('GET /api/v1/feedback', () => {
  let app: TestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const voters = [
      app.tokens.admin,
      app.tokens.teammate,
      app.tokens.customer,
      app.tokens.otherCustomer,
    ];
    for (let i = 0; i < 7; i++) {
      const { body } = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
        body: { title: `Idea number ${i}` },
      });
      ids.push(body.id);
      for (const token of voters.slice(0, i % 5)) {
        await app.request('POST', `/api/v1/feedback/${body.id}/votes`, { token });
      }
    }
    await app.request('POST', `/api/v1/feedback/${ids[0]}/status`, { body: { status: 'planned' } });
    await app.settle();
  });
  afterAll(() => app.close());

  const walk = async (query: string) => {
    const seen: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const response: { status: number; body: Page } = await app.request<Page>(
        'GET',
        `/api/v1/feedback?${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return seen;
  };

  it('pages through every item exactly once, most votes first', async () => {
    const items = await walk('sort=votes');
    expect(items).toHaveLength(7);
    expect(new Set(items.map((i) => i.id)).size).toBe(7);
    const counts = items.map((i) => i.voteCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(4);
  });

  it('sorts by newest and by recent activity', async () => {
    const newest = await walk('sort=newest');
    expect(newest.map((i) => i.id)).toEqual([...ids].reverse());
    const active = await walk('sort=activity');
    expect(active[0]!.id).toBe(ids[0]);
  });

  it('filters by status', async () => {
    const planned = await walk('sort=votes&status=planned');
    expect(planned.map((i) => i.id)).toEqual([ids[0]]);
  });

  it('explains bad parameters by name', async () => {
    const response = await app.request<ProblemDetails>(
      'GET',
      '/api/v1/feedback?sort=loudest&limit=1000',
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field).sort()).toEqual(['limit', 'sort']);
    const cursor = await app.request<ProblemDetails>('GET', '/api/v1/feedback?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors?.[0]?.field).toBe('cursor');
  });
});
