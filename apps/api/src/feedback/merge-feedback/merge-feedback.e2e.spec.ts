import { startTestApp, type TestApp } from '../../testing/test-app';
import type { FeedbackItem, MergePreview, Timeline } from '@chorus/domain';
import type { ProblemDetails } from '../../platform/problem-details';

describe('merging duplicates', () => {
  let app: TestApp;
  const submit = async (title: string) =>
    (await app.request<{ id: string }>('POST', '/api/v1/feedback', { body: { title } })).body.id;
  const vote = (id: string, token: string) =>
    app.request('POST', `/api/v1/feedback/${id}/votes`, { token });
  const item = async (id: string) => {
    await app.settle();
    return (await app.request<FeedbackItem>('GET', `/api/v1/feedback/${id}`)).body;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('previews, merges with shared voters counted once, and unmerges back to exactly what was', async () => {
    const survivor = await submit('Dark mode for the dashboard');
    const duplicate = await submit('Please add a dark theme');
    await vote(survivor, app.tokens.customer);
    await vote(duplicate, app.tokens.customer);
    await vote(duplicate, app.tokens.otherCustomer);
    await app.request('POST', `/api/v1/feedback/${duplicate}/comments`, {
      body: { body: 'Same request from Acme' },
    });
    await app.settle();
    const before = [await item(survivor), await item(duplicate)];
    expect(before.map((i) => i.voteCount)).toEqual([1, 2]);

    const preview = await app.request<MergePreview>(
      'GET',
      `/api/v1/feedback/${duplicate}/merge-preview?intoId=${survivor}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ sharedVoters: 1, voteCountAfter: 2, problem: null });

    const merged = await app.request('POST', `/api/v1/feedback/${duplicate}/merge`, {
      body: { intoId: survivor },
    });
    expect(merged.status).toBe(200);
    const afterMerge = await item(survivor);
    expect(afterMerge).toMatchObject({
      voteCount: preview.body.voteCountAfter,
      duplicateCount: 1,
      commentCount: 1,
    });
    expect(await item(duplicate)).toMatchObject({ mergedInto: survivor });
    const inbox = await app.request<{ items: FeedbackItem[] }>('GET', '/api/v1/feedback?limit=100');
    expect(inbox.body.items.map((i) => i.id)).not.toContain(duplicate);
    const mergedView = await app.request<{ items: FeedbackItem[] }>(
      'GET',
      '/api/v1/feedback?view=merged',
    );
    expect(mergedView.body.items.map((i) => i.id)).toEqual([duplicate]);

    const refused = await vote(duplicate, app.tokens.admin);
    expect(refused.status).toBe(422);
    expect((refused.body as ProblemDetails).detail).toMatch(/merged into/);

    const timeline = await app.request<Timeline>('GET', `/api/v1/feedback/${survivor}/timeline`);
    expect(timeline.body.entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['FeedbackSubmitted', 'VoteCast', 'FeedbackDuplicateAbsorbed']),
    );
    expect(timeline.body.entries.some((e) => e.viaDuplicateId === duplicate)).toBe(true);

    const unmerged = await app.request('DELETE', `/api/v1/feedback/${duplicate}/merge`);
    expect(unmerged.status).toBe(200);
    const after = [await item(survivor), await item(duplicate)];
    const counts = (i: FeedbackItem) => [
      i.voteCount,
      i.commentCount,
      i.duplicateCount,
      i.mergedInto,
    ];
    expect(after.map(counts)).toEqual(before.map(counts));
  });

  it('lets only one of two crossing merges win, so the items never point at each other', async () => {
    // Several pairs at once, so the two transactions of a pair really interleave.
    const pairs = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const a = await submit(`Export to CSV ${i}`);
        const b = await submit(`CSV export of reports ${i}`);
        await vote(a, app.tokens.customer);
        await vote(b, app.tokens.otherCustomer);
        return [a, b] as const;
      }),
    );
    const results = await Promise.all(
      pairs.map(([a, b]) =>
        Promise.all([
          app.request('POST', `/api/v1/feedback/${a}/merge`, { body: { intoId: b } }),
          app.request('POST', `/api/v1/feedback/${b}/merge`, { body: { intoId: a } }),
        ]),
      ),
    );
    for (const pair of results) expect(pair.map((r) => r.status).sort()).toEqual([200, 422]);
    for (const [a, b] of pairs) {
      const [itemA, itemB] = [await item(a), await item(b)];
      const survivor = itemA.mergedInto === null ? itemA : itemB;
      const duplicate = survivor === itemA ? itemB : itemA;
      expect(duplicate.mergedInto).toBe(survivor.id);
      expect(survivor.mergedInto).toBeNull();
      expect(survivor.voteCount).toBe(2);
    }
  });

  it('explains why a merge is refused, and is for teammates only', async () => {
    const a = await submit('Audit log export');
    const b = await submit('Export the audit log');
    const c = await submit('Audit trail download');
    await app.request('POST', `/api/v1/feedback/${b}/merge`, { body: { intoId: a } });
    await app.settle();
    const preview = await app.request<MergePreview>(
      'GET',
      `/api/v1/feedback/${c}/merge-preview?intoId=${b}`,
    );
    expect(preview.body.problem).toMatch(/merge into that one instead/);
    const refused = await app.request<ProblemDetails>('POST', `/api/v1/feedback/${c}/merge`, {
      body: { intoId: b },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]?.field).toBe('intoId');
    const self = await app.request('POST', `/api/v1/feedback/${a}/merge`, { body: { intoId: a } });
    expect(self.status).toBe(422);
    const invalid = await app.request<ProblemDetails>('POST', `/api/v1/feedback/${a}/merge`, {
      body: { intoId: 'nope' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.field).toBe('intoId');
    const customer = await app.request('POST', `/api/v1/feedback/${c}/merge`, {
      body: { intoId: a },
      token: app.tokens.customer,
    });
    expect(customer.status).toBe(403);
    const outsider = await app.request('POST', `/api/v1/feedback/${c}/merge`, {
      body: { intoId: a },
      token: app.tokens.outsider,
    });
    expect(outsider.status).toBe(404);
  });
});
