import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../testing/test-app';
import type { ProblemDetails } from '../../platform/problem-details';

type Item = { voteCount: number; votedByMe: boolean; status: string };

describe('votes', () => {
  let app: TestApp;
  let id: string;
  const item = async (token: string) => {
    await app.settle();
    return (await app.request<Item>('GET', `/api/v1/feedback/${id}`, { token })).body;
  };

  beforeAll(async () => {
    app = await startTestApp();
    id = (
      await app.request<{ id: string }>('POST', '/api/v1/feedback', {
        body: { title: 'Dark mode' },
      })
    ).body.id;
  });
  afterAll(() => app.close());

  it('counts one vote per person, however often they vote', async () => {
    const votes = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.request('POST', `/api/v1/feedback/${id}/votes`, { token: app.tokens.customer }),
      ),
    );
    expect(votes.map((v) => v.status)).toEqual([200, 200, 200, 200, 200]);
    expect(votes[0]!.body).toEqual({ feedbackId: id, voted: true });
    await app.request('POST', `/api/v1/feedback/${id}/votes`, { token: app.tokens.otherCustomer });
    expect(await item(app.tokens.customer)).toMatchObject({
      voteCount: 2,
      votedByMe: true,
    });
    expect(await item(app.tokens.admin)).toMatchObject({ votedByMe: false });
  });

  it('never answers a re-read with 304: the count changes while the version does not', async () => {
    const first = await app.request('GET', `/api/v1/feedback/${id}`);
    const again = await app.request('GET', `/api/v1/feedback/${id}`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('cache-control')).toBe('no-store');
  });

  it('withdraws a vote, and withdrawing again is a no-op', async () => {
    const first = await app.request('DELETE', `/api/v1/feedback/${id}/votes`, {
      token: app.tokens.customer,
    });
    const again = await app.request('DELETE', `/api/v1/feedback/${id}/votes`, {
      token: app.tokens.customer,
    });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual({ feedbackId: id, voted: false });
    expect(await item(app.tokens.customer)).toMatchObject({
      voteCount: 1,
      votedByMe: false,
    });
  });

  it('answers 404 for a vote on feedback that does not exist', async () => {
    const response = await app.request('POST', `/api/v1/feedback/${randomUUID()}/votes`);
    expect(response.status).toBe(404);
  });

  it('keeps each workspace to itself: an outsider gets 404, never data', async () => {
    const vote = await app.request('POST', `/api/v1/feedback/${id}/votes`, {
      token: app.tokens.outsider,
    });
    const read = await app.request('GET', `/api/v1/feedback/${id}`, { token: app.tokens.outsider });
    const list = await app.request<{ items: unknown[] }>('GET', '/api/v1/feedback', {
      token: app.tokens.outsider,
    });
    expect(read.status).toBe(404);
    expect(list.body.items).toEqual([]);
    // The outsider's ballot went nowhere: the feedback is not in their workspace.
    expect(vote.status).toBe(404);
  });

  it('closes voting when the feedback is done or declined, and says so', async () => {
    for (const status of ['planned', 'in_progress', 'done']) {
      expect(
        (await app.request('POST', `/api/v1/feedback/${id}/status`, { body: { status } })).status,
      ).toBe(200);
    }
    const response = await app.request<ProblemDetails>('POST', `/api/v1/feedback/${id}/votes`, {
      token: app.tokens.customer,
    });
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe('Voting is closed: this feedback is done.');
  });
});
