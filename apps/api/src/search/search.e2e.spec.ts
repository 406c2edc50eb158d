import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';
import type { SearchResult, SimilarFeedback } from '@chorus/domain';

describe('search', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  const id = (key: string): string => ids[key]!;

  const submit = async (key: string, title: string, description = '', token?: string) => {
    const response = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      body: { title, description },
      token,
    });
    expect(response.status).toBe(201);
    ids[key] = response.body.id;
    return response.body.id;
  };

  const comment = async (key: string, body: string, visibility: 'public' | 'internal') => {
    const response = await app.request('POST', `/api/v1/feedback/${ids[key]}/comments`, {
      body: { body, visibility },
    });
    expect(response.status).toBe(201);
  };

  const search = async (q: string, token?: string) => {
    const response = await app.request<SearchResult>(
      'GET',
      `/api/v1/search?q=${encodeURIComponent(q)}`,
      { token },
    );
    expect(response.status).toBe(200);
    return response.body.hits;
  };

  const similar = async (title: string, token?: string) => {
    const response = await app.request<SimilarFeedback>(
      'GET',
      `/api/v1/search/similar?title=${encodeURIComponent(title)}`,
      { token },
    );
    expect(response.status).toBe(200);
    return response.body.suggestions;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await submit('titleMatch', 'Export invoices to CSV', 'Accounting wants a spreadsheet.');
    await submit(
      'descriptionMatch',
      'Accounting integration',
      'We would export invoices by hand until this exists.',
    );
    await submit('unrelated', 'Keyboard shortcuts', 'Power users love them.');
    await submit('commented', 'Calendar view', 'A monthly overview of deadlines.');
    await comment('commented', 'Our marketing team needs a kanban swimlane too.', 'public');
    await comment('unrelated', 'Confidential: the zeppelin contract depends on this.', 'internal');
    await submit('html', 'Fix <script>alert(1)</script> injection', 'Watch the <b>markup</b>.');
    await submit('darkMode', 'Dark mode for the dashboard', 'Our eyes hurt at night.');
    await submit('darkModeDuplicate', 'dashboard dark mode please', 'Same as the other one.');
    await submit('merged', 'Dark mode on the dashboard, please!', 'A third time.');
    const merge = await app.request('POST', `/api/v1/feedback/${ids.merged}/merge`, {
      body: { intoId: ids.darkMode },
    });
    expect(merge.status).toBe(200);
    await submit('elsewhere', 'Export invoices for Globex', 'Globex only.', app.tokens.outsider);
    await app.settle();
  });
  afterAll(() => app.close());

  it('ranks a title match above a description-only match', async () => {
    const hits = await search('export invoices');
    const order = hits.map((h) => h.id);
    expect(order).toContain(ids.titleMatch);
    expect(order).toContain(ids.descriptionMatch);
    expect(order.indexOf(id('titleMatch'))).toBeLessThan(order.indexOf(id('descriptionMatch')));
    expect(order).not.toContain(ids.unrelated);
    const top = hits[0]!;
    expect(top).toMatchObject({ title: 'Export invoices to CSV', status: 'open', voteCount: 0 });
    expect(top.rank).toBeGreaterThan(hits[1]!.rank);
    expect(top.snippet).toContain('<mark>Export</mark> <mark>invoices</mark>');
  });

  it('stems: "exporting" finds "export"', async () => {
    const hits = await search('exporting');
    expect(hits.map((h) => h.id)).toEqual(
      expect.arrayContaining([ids.titleMatch, ids.descriptionMatch]),
    );
  });

  it('finds an item through its public comments only', async () => {
    const hits = await search('swimlane');
    expect(hits.map((h) => h.id)).toEqual([ids.commented]);
    expect(hits[0]!.snippet).toContain('<mark>swimlane</mark>');
  });

  it('never finds the text of internal comments, not even for teammates', async () => {
    expect(await search('zeppelin')).toEqual([]);
    expect(await search('zeppelin', app.tokens.customer)).toEqual([]);
  });

  it('escapes HTML in snippets, leaving <mark> the only markup', async () => {
    const [hit] = await search('injection');
    expect(hit!.id).toBe(ids.html);
    expect(hit!.snippet).toContain('script&gt; <mark>injection</mark>');
    expect(hit!.snippet).toContain('&lt;b&gt;markup&lt;/b&gt;');
    expect(hit!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it("never returns another workspace's items", async () => {
    const ours = await search('invoices');
    expect(ours.map((h) => h.id)).not.toContain(ids.elsewhere);
    const theirs = await search('invoices', app.tokens.outsider);
    expect(theirs.map((h) => h.id)).toEqual([ids.elsewhere]);
    const suggestions = await similar('Export invoices', app.tokens.outsider);
    expect(suggestions.map((s) => s.id)).toEqual([ids.elsewhere]);
  });

  it('shows merged items with where they went', async () => {
    const hits = await search('"dark mode"');
    const merged = hits.find((h) => h.id === ids.merged);
    expect(merged?.mergedInto).toBe(ids.darkMode);
    expect(hits.find((h) => h.id === ids.darkMode)?.mergedInto).toBeNull();
  });

  it('suggests near-duplicate titles while one is typed, but not merged ones', async () => {
    const suggestions = await similar('Dark mode for the dashboard');
    const suggested = suggestions.map((s) => s.id);
    expect(suggested).toEqual(expect.arrayContaining([ids.darkMode, ids.darkModeDuplicate]));
    expect(suggested).not.toContain(ids.merged);
    expect(suggestions[0]).toMatchObject({ id: ids.darkMode, status: 'open', voteCount: 0 });
    expect(suggestions[0]!.similarity).toBeGreaterThan(0.6);
    const partial = await similar('dashboard dark mo', app.tokens.customer);
    expect(partial.map((s) => s.id)).toContain(ids.darkModeDuplicate);
    expect(await similar('Keyboard shortcuts for everything')).toEqual([
      expect.objectContaining({ id: ids.unrelated }),
    ]);
  });

  it('explains bad parameters by name', async () => {
    const empty = await app.request<ProblemDetails>('GET', '/api/v1/search?q=%20&limit=51');
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.map((e) => e.field).sort()).toEqual(['limit', 'q']);
    const missing = await app.request<ProblemDetails>('GET', '/api/v1/search');
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.field)).toEqual(['q']);
    const short = await app.request<ProblemDetails>('GET', '/api/v1/search/similar?title=ab');
    expect(short.status).toBe(400);
    expect(short.body.errors?.map((e) => e.field)).toEqual(['title']);
    const anonymous = await app.request('GET', '/api/v1/search?q=export', { token: null });
    expect(anonymous.status).toBe(401);
  });
});
