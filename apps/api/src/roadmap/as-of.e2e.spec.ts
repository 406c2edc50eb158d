import type { BacklogItemView, BacklogPage, InitiativeChanged, RoadmapView } from '@chorus/domain';
import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';

type Or<T> = T & Omit<ProblemDetails, 'status'>;

/** What the two endpoints answered at one moment, captured live then. */
type Moment = { at: string; roadmap: RoadmapView; backlog: Map<string, BacklogPage[]> };

// Events take their time from the clock: a pause keeps the next change strictly after a moment.
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The same instant written with a +02:00 offset. */
const withOffset = (iso: string) =>
  `${new Date(Date.parse(iso) + 2 * 3_600_000).toISOString().slice(0, -1)}+02:00`;

describe('the roadmap and the backlog as of a past moment', () => {
  let app: TestApp;
  const moments: Moment[] = [];
  const ids = { sso: '', billing: '', mobile: '', epic: '', offline: '', queue: '', export: '' };
  const feedback = { spreadsheet: '', csv: '' };

  const ok = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const response = await app.request<Or<T>>(method, path, { body, token });
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };
  const versionOf = async (path: string) =>
    (await app.request<{ version: number }>('GET', path)).body.version;
  const item = async (body: Record<string, unknown>) =>
    (await ok<BacklogItemView>('POST', '/api/v1/backlog', body)).id;
  const initiative = async (body: Record<string, unknown>) =>
    (await ok<InitiativeChanged>('POST', '/api/v1/initiatives', body)).id;
  const submit = async (title: string) =>
    (await ok<{ id: string }>('POST', '/api/v1/feedback', { title }, app.tokens.customer)).id;

  /** The backlog lists compared at every moment: all of it, each filter, and page by page. */
  const backlogQueries = () => [
    '',
    'kind=story',
    'status=accepted,todo,backlog',
    'label=mobile',
    'q=EXPORT',
    ...(ids.sso ? [`initiativeId=${ids.sso}`] : []),
    ...(ids.epic ? [`parentId=${ids.epic}`] : []),
    'sprintId=none',
    'limit=2',
  ];

  const roadmap = (asOf?: string) =>
    ok<RoadmapView>('GET', `/api/v1/roadmap${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  /** Every page of a backlog list, following the cursors. */
  const backlogPages = async (query: string, asOf?: string) => {
    const pages: BacklogPage[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams(query);
      if (cursor) params.set('cursor', cursor);
      if (asOf) params.set('asOf', asOf);
      const page: BacklogPage = await ok<BacklogPage>(
        'GET',
        `/api/v1/backlog?${params.toString()}`,
      );
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  };

  const capture = async () => {
    await app.settle();
    const backlog = new Map<string, BacklogPage[]>();
    for (const query of backlogQueries()) backlog.set(query, await backlogPages(query));
    moments.push({ roadmap: await roadmap(), backlog, at: new Date().toISOString() });
    await pause();
  };

  beforeAll(async () => {
    app = await startTestApp();
    await capture();

    // The roadmap and a backlog answering feedback, with votes of a paying customer.
    ids.sso = await initiative({ title: 'Single sign-on', lane: 'now', quarter: '2027-Q2' });
    ids.billing = await initiative({ title: 'Billing revamp', lane: 'next', quarter: '2027-Q1' });
    ids.mobile = await initiative({ title: 'Mobile app', lane: 'later', visibility: 'public' });
    await ok('PUT', '/api/v1/companies/acme-corp', { name: 'Acme Corp', mrrCents: 50_000 });
    await ok('PUT', '/api/v1/customers/carla', { name: 'Carla', companyExternalId: 'acme-corp' });
    feedback.spreadsheet = await submit('Export to spreadsheets');
    feedback.csv = await submit('A CSV export please');
    await ok('POST', `/api/v1/feedback/${feedback.spreadsheet}/votes`, {}, app.tokens.customer);
    await ok('POST', `/api/v1/feedback/${feedback.spreadsheet}/votes`, {
      onBehalfOf: { customerExternalId: 'carla', source: 'sales_call' },
    });
    ids.epic = await item({ kind: 'epic', title: 'Mobile everything', labels: ['mobile'] });
    await ok('PUT', `/api/v1/backlog/${ids.epic}/initiative`, { initiativeId: ids.mobile });
    const criteria = [{ given: 'a backlog', when: 'I export it', then: 'I get a file' }];
    ids.offline = await item({
      kind: 'story',
      title: 'Offline drafts',
      parentId: ids.epic,
      estimate: 3,
      labels: ['mobile'],
    });
    ids.queue = await item({
      kind: 'task',
      title: 'Queue drafts',
      parentId: ids.offline,
      estimate: 1,
    });
    ids.export = await item({
      kind: 'story',
      title: 'Export to CSV',
      estimate: 5,
      acceptanceCriteria: criteria,
      feedbackIds: [feedback.spreadsheet],
    });
    await ok('PUT', `/api/v1/backlog/${ids.export}/initiative`, { initiativeId: ids.sso });
    await capture();

    // Lanes, quarters, ranks, titles and demand move.
    await ok('POST', `/api/v1/initiatives/${ids.sso}/move`, { lane: 'next' });
    const billing = `/api/v1/initiatives/${ids.billing}`;
    await app.request('PATCH', billing, {
      body: { title: 'Billing, again', quarter: '2027-Q3' },
      headers: { 'if-match': `"${await versionOf(billing)}"` },
    });
    await ok('POST', `/api/v1/backlog/${ids.offline}/rank`, { beforeId: ids.epic });
    await app.settle();
    const exportPath = `/api/v1/backlog/${ids.export}`;
    await app.request('PATCH', exportPath, {
      body: { title: 'Export the backlog as CSV', labels: ['mobile'] },
      headers: { 'if-match': `"${await versionOf(exportPath)}"` },
    });
    await ok('PUT', '/api/v1/companies/acme-corp', { mrrCents: 80_000 });
    await ok('POST', `/api/v1/feedback/${feedback.csv}/votes`, {}, app.tokens.otherCustomer);
    await ok('PUT', `/api/v1/backlog/${ids.export}/feedback/${feedback.csv}`);
    await capture();

    // An initiative archived, the story accepted in a sprint, feedback merged, a vote withdrawn.
    await ok('DELETE', `/api/v1/initiatives/${ids.mobile}`);
    const sprint = await ok<{ id: string }>('POST', '/api/v1/sprints', {
      name: 'Sprint 1',
      goal: 'Exports',
      startDate: '2027-01-04',
      endDate: '2027-01-15',
      capacity: 20,
    });
    await ok('POST', `/api/v1/sprints/${sprint.id}/items`, { itemId: ids.export });
    await capture();
    await ok('POST', `/api/v1/sprints/${sprint.id}/start`);
    await ok('POST', `/api/v1/backlog/${ids.export}/work-state`, { to: 'done' });
    await app.settle();
    const [criterion] = (await ok<BacklogItemView>('GET', exportPath)).acceptanceCriteria;
    await ok('PUT', `${exportPath}/acceptance-criteria/${criterion!.id}`, { met: true });
    await ok('POST', `${exportPath}/accept`);
    await ok('POST', `/api/v1/feedback/${feedback.csv}/merge`, { intoId: feedback.spreadsheet });
    await ok('DELETE', `/api/v1/feedback/${feedback.spreadsheet}/votes`, {}, app.tokens.customer);
    await capture();

    // And later still, so every moment above is in the past of the read model.
    await ok('DELETE', `/api/v1/initiatives/${ids.billing}`);
    await ok('POST', `/api/v1/backlog/${ids.queue}/rank`, { beforeId: ids.offline });
    await ok('DELETE', `/api/v1/feedback/${feedback.csv}/merge`);
    await ok('PUT', '/api/v1/companies/acme-corp', { mrrCents: 1_000 });
    await capture();
  });
  afterAll(() => app.close());

  it('went through moments that each look different', () => {
    const distinct = new Set(moments.map((m) => JSON.stringify([m.roadmap, [...m.backlog]])));
    expect(distinct.size).toBe(moments.length);
    const [, first, second, , fourth] = moments;
    expect(first?.roadmap.lanes.now.map((i) => i.id)).toEqual([ids.sso]);
    expect(second?.roadmap.lanes.next.map((i) => i.id)).toEqual([ids.sso, ids.billing]);
    const exported = (m?: Moment) =>
      m?.backlog.get('')?.[0]?.items.find((i) => i.id === ids.export);
    expect(exported(first)?.feedback).toEqual([
      expect.objectContaining({ voteCount: 2, revenueCents: 50_000 }),
    ]);
    expect(exported(fourth)?.status).toBe('accepted');
    expect(exported(fourth)?.feedback).toEqual([
      expect.objectContaining({ id: feedback.spreadsheet, voteCount: 2, revenueCents: 80_000 }),
      expect.objectContaining({ id: feedback.csv, voteCount: 1, revenueCents: 0 }),
    ]);
  });

  it('answers the roadmap at each moment exactly as it answered then', async () => {
    for (const moment of moments) {
      expect(await roadmap(moment.at)).toEqual(moment.roadmap);
    }
  });

  it('answers every backlog list and page at each moment exactly as it answered then', async () => {
    for (const moment of moments) {
      for (const [query, pages] of moment.backlog) {
        expect({ query, pages: await backlogPages(query, moment.at) }).toEqual({ query, pages });
      }
    }
  });

  it('takes any ISO 8601 timestamp with a time zone', async () => {
    const moment = moments[2]!;
    expect(await roadmap(withOffset(moment.at))).toEqual(moment.roadmap);
    expect(await backlogPages('', withOffset(moment.at))).toEqual(moment.backlog.get(''));
  });

  it('answers a future asOf as now', async () => {
    const now = moments[moments.length - 1]!;
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await roadmap(future)).toEqual(now.roadmap);
    expect(await backlogPages('limit=2', future)).toEqual(now.backlog.get('limit=2'));
  });

  it('refuses an asOf that is not an ISO 8601 timestamp (400 naming asOf)', async () => {
    for (const path of ['/api/v1/roadmap', '/api/v1/backlog']) {
      for (const asOf of ['yesterday', '2027-01-04', '2027-01-04T10:00:00']) {
        const response = await app.request<ProblemDetails>(
          'GET',
          `${path}?asOf=${encodeURIComponent(asOf)}`,
        );
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.body.errors?.[0]?.field).toBe('asOf');
      }
    }
  });

  it('shows the past roadmap and backlog to teammates only', async () => {
    const asOf = encodeURIComponent(moments[1]!.at);
    const token = app.tokens.customer;
    expect((await app.request('GET', `/api/v1/roadmap?asOf=${asOf}`, { token })).status).toBe(403);
    expect((await app.request('GET', `/api/v1/backlog?asOf=${asOf}`, { token })).status).toBe(403);
    const outsider = await app.request<RoadmapView>('GET', `/api/v1/roadmap?asOf=${asOf}`, {
      token: app.tokens.outsider,
    });
    expect(outsider.body.lanes).toEqual({ now: [], next: [], later: [] });
  });

  it('documents asOf in the OpenAPI document', async () => {
    type Operation = { parameters?: { name: string; in: string }[] };
    const document = await app.request<{ paths: Record<string, { get?: Operation }> }>(
      'GET',
      '/api/openapi.json',
      { token: null },
    );
    for (const path of ['/api/v1/roadmap', '/api/v1/backlog']) {
      expect(document.body.paths[path]?.get?.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'asOf', in: 'query' })]),
      );
    }
  });
});
